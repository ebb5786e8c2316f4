using Microsoft.EntityFrameworkCore;
using WuShe.App.Data;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Sites;

namespace WuShe.App.Campaigns;

/// <summary>Builds quota ledgers from one set-based query over the sites, not one query per district.</summary>
public static class QuotaLedgers
{
    /// <param name="rules">The 申报条件 to count by; the stored ones of each district's campaign when null.</param>
    public static async Task<IReadOnlyDictionary<int, QuotaLedger>> ForDistrictsAsync(WuSheDbContext db, IReadOnlyCollection<District> districts,
        CancellationToken ct, ApplicationRules? rules = null)
    {
        var ids = districts.Select(d => d.Id).ToList();
        var lines = await db.Sites.Where(s => ids.Contains(s.DistrictId))
            .Select(s => new { s.DistrictId, Line = new SiteQuotaLine(s.Id, s.State, s.Communities.Count) })
            .ToListAsync(ct);
        var byDistrict = lines.ToLookup(l => l.DistrictId, l => l.Line);
        var campaignIds = districts.Select(d => d.CampaignId).Distinct().ToList();
        var stored = await db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Application }).ToDictionaryAsync(c => c.Id, c => c.Application, ct);
        return districts.ToDictionary(d => d.Id, d => QuotaLedger.For(d.StreetQuota, d.CommunityQuota, byDistrict[d.Id], rules ?? stored[d.CampaignId]));
    }

    public static async Task<QuotaLedger> ForDistrictAsync(WuSheDbContext db, District district, CancellationToken ct) =>
        (await ForDistrictsAsync(db, new[] { district }, ct))[district.Id];
}
