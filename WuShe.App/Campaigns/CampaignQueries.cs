using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.Domain.Accounts;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Common;
using WuShe.Domain.Sites;

namespace WuShe.App.Campaigns;

/// <summary>Reads of the current campaign, always through the user's scope.</summary>
public class CampaignQueries
{
    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private readonly CurrentCampaign _current;

    public CampaignQueries(IDbContextFactory<WuSheDbContext> contexts, CurrentCampaign current)
    {
        _contexts = contexts;
        _current = current;
    }

    public async Task<CampaignOverview> GetOverviewAsync(UserScope scope, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        var campaign = await LoadCampaignAsync(db, ct);
        var districts = await db.Districts.AsNoTracking()
            .Where(d => d.CampaignId == campaign.Id && scope.OverseesDistricts)
            .OrderBy(d => d.SortOrder).ToListAsync(ct);
        var jointSites = await db.Sites.AsNoTracking().Include(s => s.Communities)
            .Where(s => s.CampaignId == campaign.Id && s.Tier == SiteTier.CityDistrictJoint)
            .OrderBy(s => s.JointSiteNumber).ToListAsync(ct);
        var districtNames = await db.Districts.Where(d => d.CampaignId == campaign.Id)
            .ToDictionaryAsync(d => d.Id, d => (d.Code, d.Name), ct);

        var joint = jointSites.Select(s => ToJointView(campaign, s, districtNames[s.DistrictId])).ToList();
        var ledgers = await QuotaLedgers.ForDistrictsAsync(db, districts, ct);
        return new CampaignOverview(Summary(campaign),
            campaign.Milestones.Select(m => new MilestoneView(m.DueDate, m.RequiredCompletionShare, m.Description, m.Clause)).ToList(),
            campaign.Standards.Select(s => ToView(s, campaign.FundraisingYearBasis)).ToList(),
            districts.Select(d => ToRow(d, jointSites, ledgers[d.Id])).ToList(),
            joint);
    }

    public async Task<DistrictDetail> GetDistrictAsync(UserScope scope, string code, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        var campaign = await LoadCampaignAsync(db, ct);
        var district = await db.Districts.AsNoTracking()
            .SingleOrDefaultAsync(d => d.CampaignId == campaign.Id && d.Code == code && scope.OverseesDistricts, ct)
            ?? throw ScopedReads.NotInScope("区", code);
        var sites = await db.Sites.AsNoTracking().Include(s => s.Communities)
            .Where(s => s.DistrictId == district.Id)
            .OrderBy(s => s.Tier == SiteTier.CityDistrictJoint ? 0 : 1).ThenBy(s => s.JointSiteNumber).ThenBy(s => s.Street)
            .ToListAsync(ct);
        var ledger = await QuotaLedgers.ForDistrictAsync(db, district, ct);
        return new DistrictDetail(Summary(campaign), ToRow(district, sites, ledger), sites.Select(ToSiteRow).ToList());
    }

    /// <summary>
    /// The campaigns the user may work in, the current one marked: every campaign for a city account (the picker and the
    /// city's campaign list), their own for a district or station account.
    /// </summary>
    public async Task<IReadOnlyList<CampaignChoice>> ListAsync(UserScope scope, CancellationToken ct = default)
    {
        await using var mine = await _contexts.ForAsync(scope, ct);
        var current = await _current.In(mine).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
        await using var db = await _contexts.ForSystemAsync(ct);
        return await db.Campaigns.AsNoTracking()
            .Where(c => scope.ChoosesCampaign || c.Id == current || scope.CampaignIds.Contains(c.Id))
            .OrderByDescending(c => c.Id == current).ThenBy(c => c.Name)
            .Select(c => new CampaignChoice(c.Id, c.Code, c.Name, c.DocumentNumber, c.Region,
                db.Districts.Count(d => d.CampaignId == c.Id), db.Sites.Count(s => s.CampaignId == c.Id), c.Id == current))
            .ToListAsync(ct);
    }

    /// <summary>A campaign's name, or null when there is no such campaign.</summary>
    public async Task<string?> NameAsync(int campaignId, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForSystemAsync(ct);
        return await db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.Name).SingleOrDefaultAsync(ct);
    }

    /// <summary>The code of the district a district officer is bound to.</summary>
    public async Task<string?> DistrictCodeAsync(UserScope scope, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        return await db.Districts.Where(d => d.Id == scope.DistrictId && scope.OverseesDistricts)
            .Select(d => d.Code).SingleOrDefaultAsync(ct);
    }

    /// <summary>The current campaign's 申报条件, for the application form.</summary>
    public async Task<ApplicationRules> ApplicationRulesAsync(UserScope scope, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        return (await LoadCampaignAsync(db, ct)).Application;
    }

    /// <summary>The current campaign of the context's reader (<see cref="CurrentCampaign"/>), with its milestones and standards.</summary>
    public async Task<Campaign> LoadCampaignAsync(WuSheDbContext db, CancellationToken ct) => await LoadAsync(_current.In(db), ct) ?? throw _current.Missing(db);

    /// <summary>A campaign by id, for work that goes through every campaign (the alert scan).</summary>
    public static async Task<Campaign> LoadCampaignAsync(WuSheDbContext db, int campaignId, CancellationToken ct) =>
        await LoadAsync(db.Campaigns.Where(c => c.Id == campaignId), ct) ?? throw new NotFoundException("没有找到该创建活动。");

    private static async Task<Campaign?> LoadAsync(IQueryable<Campaign> campaign, CancellationToken ct)
    {
        return await campaign.AsNoTracking()
            .Include(c => c.Milestones)
            .Include(c => c.Standards).ThenInclude(s => s.Requirements)
            .AsSplitQuery()
            .SingleOrDefaultAsync(ct);
    }

    public static CampaignSummary Summary(Campaign c) => new(c.Id, c.Code, c.Name, c.DocumentNumber, c.Issuer, c.Region,
        c.TargetStreets, c.TargetCommunities, c.TargetJointStreets, c.TargetJointCommunities);

    public static SiteRowView ToSiteRow(Site s) => new(s.Id, s.Street, s.Tier.Label(), s.JointSiteNumber, s.State.Label(),
        s.Communities.OrderBy(c => c.SortOrder).Select(c => c.Name).ToList());

    private static DistrictRowView ToRow(District d, IEnumerable<Site> sites, QuotaLedger ledger)
    {
        var joint = sites.Where(s => s.DistrictId == d.Id && s.Tier == SiteTier.CityDistrictJoint).ToList();
        return new DistrictRowView(d.Id, d.Code, d.Name, d.StreetQuota, d.CommunityQuota,
            joint.Count, joint.Sum(s => s.Communities.Count), string.Join("、", joint.Select(s => s.Street)),
            LedgerView.Of(ledger), d.Version);
    }

    public static JointSiteView ToJointView(Campaign campaign, Site s, (string Code, string Name) district)
    {
        var floor = campaign.FundraisingFloorFenFor(s.Tier, s.JointSiteNumber);
        var band = campaign.Standards.SelectMany(x => x.Requirements)
            .FirstOrDefault(r => r.Metric == StandardMetric.CharityFundsRaised && r.AppliesTo.Matches(s.Tier, s.JointSiteNumber))
            ?.AppliesTo.Label ?? s.Tier.Label();
        return new JointSiteView(s.Id, s.JointSiteNumber ?? 0, district.Code, district.Name, s.Street,
            s.Communities.OrderBy(c => c.SortOrder).Select(c => c.Name).ToList(), band, floor);
    }

    public static StandardView ToView(CreationStandard s, FundraisingYearBasis basis, Func<StandardRequirement, bool>? include = null) => new(
        s.Number, s.Title, s.Clause, s.Summary,
        s.Requirements.Where(include ?? (_ => true)).Select(r => new RequirementView(r.Description, RuleText.Of(r), RuleText.ScopeOf(r),
            RuleText.Of(r.Period, basis), r.AppliesTo.Label, r.ClauseText)).ToList());
}
