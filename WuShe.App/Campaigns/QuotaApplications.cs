using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.App.Sites;
using WuShe.Domain.Accounts;
using WuShe.Domain.Auditing;
using WuShe.Domain.Common;

namespace WuShe.App.Campaigns;

/// <summary>The city changes a district's quota, with a reason, audited.</summary>
public class QuotaApplications
{
    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private readonly IClock _clock;

    public QuotaApplications(IDbContextFactory<WuSheDbContext> contexts, IClock clock)
    {
        _contexts = contexts;
        _clock = clock;
    }

    public async Task<int> ChangeQuotaAsync(Actor actor, UserScope scope, int districtId, int expectedVersion,
        int streets, int communities, string reason, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var district = await db.Districts.Where(_ => scope.OverseesDistricts).SingleOrDefaultAsync(d => d.Id == districtId, ct)
            ?? throw ScopedReads.NotInScope("区", districtId);
        if (district.Version != expectedVersion)
            throw new ConcurrencyConflictException(district.Version, "其他用户", null);
        var ledger = await QuotaLedgers.ForDistrictAsync(db, district, ct);
        var before = $"{district.StreetQuota} 个街镇、{district.CommunityQuota} 个社区";
        district.ChangeQuota(actor, streets, communities, reason, ledger);
        var after = $"{district.StreetQuota} 个街镇、{district.CommunityQuota} 个社区";
        db.AuditEntries.Add(new AuditEntry(actor, _clock.Now, "调整名额", "区名额", district.Id, district.Id,
            $"{district.Name}：{before} → {after}", reason,
            JsonSerializer.Serialize(new[] { new FieldChange("名额", before, after) }, AuditJson.Options)));
        await db.SaveOrConflictAsync(tx, () => Task.FromResult<Exception>(new ConcurrencyConflictException(expectedVersion + 1, "其他用户", null)), ct);
        return district.Version;
    }
}
