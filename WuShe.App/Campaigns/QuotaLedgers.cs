using Microsoft.EntityFrameworkCore;
using WuShe.App.Data;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Sites;

namespace WuShe.App.Campaigns;

/// <summary>Builds quota ledgers from one set-based query over the sites, not one query per district.</summary>
public static class QuotaLedgers
{
    public static async Task<IReadOnlyDictionary<int, QuotaLedger>> ForDistrictsAsync(WuSheDbContext db, IReadOnlyCollection<District> districts, CancellationToken ct)
    {
        var ids = districts.Select(d => d.Id).ToList();
        var lines = await db.Sites.Where(s => ids.Contains(s.DistrictId))
            .Select(s => new { s.DistrictId, Line = new SiteQuotaLine(s.Id, s.State, s.Communities.Count) })
            .ToListAsync(ct);
        var byDistrict = lines.ToLookup(l => l.DistrictId, l => l.Line);
        var campaignIds = districts.Select(d => d.CampaignId).Distinct().ToList();
        var rules = await db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Application }).ToDictionaryAsync(c => c.Id, c => c.Application, ct);
        return districts.ToDictionary(d => d.Id, d => QuotaLedger.For(d.StreetQuota, d.CommunityQuota, byDistrict[d.Id], rules[d.CampaignId]));
    }

    public static async Task<QuotaLedger> ForDistrictAsync(WuSheDbContext db, District district, CancellationToken ct) =>
        (await ForDistrictsAsync(db, new[] { district }, ct))[district.Id];
}
