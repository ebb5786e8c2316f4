using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using WuShe.App.Campaigns;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.Domain.Accounts;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Common;
using WuShe.Domain.Compliance;
using WuShe.Domain.Sites;

namespace WuShe.App.Progress;

/// <param name="FundraisingBasis">How the campaign counts 三（六）'s "每年" and why, shown above the years.</param>
public sealed record SiteComplianceView(int SiteId, string Street, string DistrictName, string Tier, SiteCompliance Compliance,
    IReadOnlyList<FundraisingStanding> Fundraising, string FundraisingBasis, bool SampleData);

/// <summary>One site on a dashboard: completion, standards met, fundraising in its current fundraising year against its floor.</summary>
public sealed record SiteScore(int SiteId, string DistrictCode, string DistrictName, string Street, string Tier, int? JointSiteNumber,
    string State, int MetCount, int StandardCount, bool Complete, long RaisedFen, long? FloorFen, IReadOnlyList<int> MetStandards,
    string FundraisingYear);

public sealed record DistrictScore(int DistrictId, string Code, string Name, int StreetQuota, int Sites, int CompleteSites,
    decimal AverageCompletion, long RaisedFen, IReadOnlyList<MilestoneProgress> Milestones) : IRankedDistrict
{
    public decimal CompleteShare => DistrictRanking.CompleteShare(CompleteSites, StreetQuota);
}

/// <summary>A district in the dashboard's ranking (<see cref="DistrictRanking"/>), 1 first.</summary>
public sealed record RankedDistrict(int Rank, DistrictScore District)
{
    public static IReadOnlyList<RankedDistrict> Of(IEnumerable<DistrictScore> districts) =>
        DistrictRanking.Order(districts).Select((d, i) => new RankedDistrict(i + 1, d)).ToList();
}

/// <param name="Targets">The campaign's district and city targets (区/市汇总), each with its numbers and clause; a district's board shows its own.</param>
public sealed record Dashboard(DateOnly AsOf, CampaignSummary Campaign, IReadOnlyList<DistrictScore> Districts,
    IReadOnlyList<SiteScore> Sites, IReadOnlyList<MilestoneProgress> Milestones, IReadOnlyList<string> StandardTitles,
    IReadOnlyList<AggregateVerdict> Targets);

/// <summary>Compliance of one site, and dashboards for a district or the city, computed with set-based queries.</summary>
public class ComplianceQueries
{
    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private readonly CampaignQueries _campaigns;
    private readonly IClock _clock;

    private readonly Microsoft.Extensions.Caching.Memory.IMemoryCache _cache;

    public ComplianceQueries(IDbContextFactory<WuSheDbContext> contexts, CampaignQueries campaigns, IClock clock,
        Microsoft.Extensions.Caching.Memory.IMemoryCache cache)
    {
        _cache = cache;
        _contexts = contexts;
        _campaigns = campaigns;
        _clock = clock;
    }

    public DateOnly Today => ChinaTime.Today(_clock);

    public async Task<SiteComplianceView> SiteAsync(UserScope scope, int siteId, DateOnly? asOf = null, CancellationToken ct = default)
    {
        var day = DateBounds.Checked(asOf, "asOf", "核算日期") ?? Today;
        await using var db = await _contexts.ForAsync(scope, ct);
        var site = await db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Id == siteId, ct)
            ?? throw ScopedReads.NotInScope("创建点", siteId);
        var campaign = await _campaigns.LoadCampaignAsync(db, ct);
        var facts = (await ComplianceFacts.LoadAsync(db, db.Sites.Where(s => s.Id == siteId), day, ct))[siteId];
        var district = await db.Districts.Where(d => d.Id == site.DistrictId).Select(d => d.Name).SingleAsync(ct);
        return new SiteComplianceView(site.Id, site.Street, district, site.Tier.Label(), ComplianceEngine.Evaluate(campaign, facts, day),
            ComplianceEngine.FundraisingHistory(campaign, facts, day), campaign.FundraisingYearRule, site.IsSample);
    }

    /// <summary>
    /// The city (all districts in scope) or one district. Results are reused until the data changes (<see cref="DataVersion"/>):
    /// a dashboard is read far more often than reports are submitted.
    /// </summary>
    public Task<Dashboard> DashboardAsync(UserScope scope, string? districtCode, DateOnly? asOf = null, CancellationToken ct = default)
    {
        var day = DateBounds.Checked(asOf, "asOf", "核算日期") ?? Today;
        var key = ("dashboard", scope, districtCode, day, DataVersion.Current);
        return _cache.GetOrCreateAsync(key, entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(10);
            return ComputeDashboardAsync(scope, districtCode, day, ct);
        })!;
    }

    private async Task<Dashboard> ComputeDashboardAsync(UserScope scope, string? districtCode, DateOnly day, CancellationToken ct)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        var campaign = await _campaigns.LoadCampaignAsync(db, ct);
        var districts = db.Districts.AsNoTracking().Where(d => d.CampaignId == campaign.Id && scope.OverseesDistricts);
        if (districtCode is not null)
        {
            districts = districts.Where(d => d.Code == districtCode);
            if (!await districts.AnyAsync(ct)) throw ScopedReads.NotInScope("区", districtCode);
        }
        var districtList = await districts.OrderBy(d => d.SortOrder).ToListAsync(ct);
        var districtIds = districtList.Select(d => d.Id).ToList();
        var counted = MilestoneProgress.Counted.ToList();
        var creating = db.Sites.AsNoTracking().Where(s => districtIds.Contains(s.DistrictId)).Where(s => counted.Contains(s.State));
        var sites = await creating.Select(s => new { s.Id, s.DistrictId, s.Street, s.Tier, s.JointSiteNumber, s.State }).ToListAsync(ct);
        var wholeCampaign = districtCode is null && scope.SeesWholeCity ? campaign.Id : (int?)null;
        var facts = await ComplianceFacts.LoadAsync(db, creating, day, ct, wholeCampaign);

        var byId = districtList.ToDictionary(d => d.Id);
        var sortOrder = districtList.ToDictionary(d => d.Code, d => d.SortOrder);
        var scores = sites.Select(s =>
        {
            var result = ComplianceEngine.Evaluate(campaign, facts[s.Id], day);
            var fund = ComplianceEngine.FundraisingOf(campaign, facts[s.Id], day);
            var d = byId[s.DistrictId];
            return new SiteScore(s.Id, d.Code, d.Name, s.Street, s.Tier.Label(), s.JointSiteNumber, s.State.Label(), result.MetCount,
                result.Standards.Count, result.Complete, fund.RaisedFen, fund.FloorFen, result.Standards.Where(x => x.Met).Select(x => x.Number).ToList(),
                fund.Year.ShortLabel);
        }).OrderBy(s => sortOrder[s.DistrictCode]).ThenBy(s => s.JointSiteNumber ?? 99).ThenBy(s => s.Street).ToList();

        var byDistrict = scores.ToLookup(s => s.DistrictCode);
        // Today's completion is the site scores' own (each site evaluated once above).
        var completeToday = districtList.ToDictionary(d => d.Id, d => byDistrict[d.Code].Count(s => s.Complete));
        var completeOn = await CompleteOnAsync(db, campaign, creating, MilestoneProgress.DaysNeeded(campaign.Milestones, day), day, completeToday, wholeCampaign, ct);
        var districtScores = districtList.Select(d =>
        {
            var own = byDistrict[d.Code].ToList();
            return new DistrictScore(d.Id, d.Code, d.Name, d.StreetQuota, own.Count, own.Count(s => s.Complete),
                own.Count == 0 ? 0 : own.Average(s => (decimal)s.MetCount / Math.Max(1, s.StandardCount)), own.Sum(s => s.RaisedFen),
                MilestoneProgress.Of(campaign.Milestones, day, d.StreetQuota, on => completeOn[on].GetValueOrDefault(d.Id)));
        }).ToList();
        // A city target is judged over the whole campaign only; a district's board shows its district's targets.
        var targets = AggregateEngine.Evaluate(campaign, sites.Select(s => new DistrictSiteFacts(s.DistrictId, facts[s.Id])).ToList(),
            districtList.Select(d => (d.Id, d.Name)).ToList(), day).Where(t => wholeCampaign is not null || t.DistrictId is not null).ToList();
        return new Dashboard(day, CampaignQueries.Summary(campaign), districtScores, scores,
            MilestoneProgress.Of(campaign.Milestones, day, districtScores.Sum(d => d.StreetQuota), on => completeOn[on].Values.Sum()),
            campaign.Standards.Select(s => s.Title).ToList(), targets);
    }

    /// <summary>
    /// Per day, per district: how many of <paramref name="sites"/> met every standard as of that day. Days other than
    /// <paramref name="today"/> (when its counts are already known) are evaluated from the facts as they stood then — so a
    /// passed milestone keeps the verdict of its due date. Used by the dashboards and the alert scan alike.
    /// </summary>
    public static async Task<Dictionary<DateOnly, Dictionary<int, int>>> CompleteOnAsync(WuSheDbContext db, Campaign campaign, IQueryable<Site> sites,
        IEnumerable<DateOnly> days, DateOnly today, Dictionary<int, int>? completeToday, int? wholeCampaign, CancellationToken ct)
    {
        var result = new Dictionary<DateOnly, Dictionary<int, int>>();
        if (completeToday is not null) result[today] = completeToday;
        var districtOf = await sites.Select(s => new { s.Id, s.DistrictId }).ToDictionaryAsync(s => s.Id, s => s.DistrictId, ct);
        foreach (var day in days.Where(d => !result.ContainsKey(d)))
        {
            var facts = await ComplianceFacts.LoadAsync(db, sites, day, ct, wholeCampaign);
            result[day] = facts.Where(f => ComplianceEngine.Evaluate(campaign, f.Value, day).Complete)
                .GroupBy(f => districtOf[f.Key]).ToDictionary(g => g.Key, g => g.Count());
        }
        return result;
    }
}
