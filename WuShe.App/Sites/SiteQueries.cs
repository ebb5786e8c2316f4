using Microsoft.EntityFrameworkCore;
using WuShe.App.Campaigns;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.Domain.Accounts;
using WuShe.Domain.Sites;

namespace WuShe.App.Sites;

public sealed record SiteDetail(CampaignSummary Campaign, int Id, string Street, int DistrictId, string DistrictCode, string DistrictName,
    string Tier, int? JointSiteNumber, string State, IReadOnlyList<CommunityView> Communities, string FloorBand,
    long? FloorFen, IReadOnlyList<StandardView> Standards, ApplicationDetails Details, IReadOnlyList<TimelineEntry> Timeline,
    SiteTier TierValue, SiteState StateValue, int Version, bool DetailsEditable, string ReturnReason);

public sealed record CommunityView(int Id, string Name, string Kind, int? ResidentPopulation, string PopulationSource, int? PopulationYear);

/// <summary>One step of the timeline: who, when, from, to, why.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string UserName, string Role, string Action, string? From, string To, string Reason);

/// <summary>A row of the applications list (申报).</summary>
public sealed record ApplicationRow(int Id, string DistrictCode, string DistrictName, string Street, string Tier, SiteState StateValue,
    string State, int Communities, DateTimeOffset? LastAt, string LastBy, string ReturnReason) : IListedSite;

public sealed record SiteListRow(int Id, string DistrictCode, string DistrictName, string Street, string Tier,
    int? JointSiteNumber, string State, int Communities) : IListedSite;

/// <summary>What a list of sites is filtered on (<see cref="SiteListFilter"/>).</summary>
public interface IListedSite
{
    string DistrictCode { get; }
    string DistrictName { get; }
    string Street { get; }
    string Tier { get; }
    string State { get; }
}

/// <summary>Reads of sites, always through the user's scope.</summary>
public class SiteQueries
{
    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private readonly CampaignQueries _campaigns;

    public SiteQueries(IDbContextFactory<WuSheDbContext> contexts, CampaignQueries campaigns)
    {
        _contexts = contexts;
        _campaigns = campaigns;
    }

    public async Task<IReadOnlyList<SiteListRow>> ListAsync(UserScope scope, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        var campaign = await _campaigns.LoadCampaignAsync(db, ct);
        var rows = await db.Sites.AsNoTracking().Where(s => s.CampaignId == campaign.Id)
            .Join(db.Districts, s => s.DistrictId, d => d.Id, (s, d) => new { s, d })
            .OrderBy(x => x.d.SortOrder).ThenBy(x => x.s.JointSiteNumber).ThenBy(x => x.s.Street)
            .Select(x => new { x.s.Id, x.d.Code, x.d.Name, x.s.Street, x.s.Tier, x.s.JointSiteNumber, x.s.State, Communities = x.s.Communities.Count })
            .ToListAsync(ct);
        return rows.Select(r => new SiteListRow(r.Id, r.Code, r.Name, r.Street, r.Tier.Label(), r.JointSiteNumber,
            r.State.Label(), r.Communities)).ToList();
    }

    public async Task<SiteDetail> GetAsync(UserScope scope, int id, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        var site = await db.Sites.AsNoTracking().Include(s => s.Communities).Include(s => s.SocialWorkers).Include(s => s.Transitions)
            .AsSplitQuery().SingleOrDefaultAsync(s => s.Id == id, ct)
            ?? throw ScopedReads.NotInScope("创建点", id);
        var campaign = await _campaigns.LoadCampaignAsync(db, ct);
        var district = await db.Districts.AsNoTracking().SingleAsync(d => d.Id == site.DistrictId, ct);
        var joint = CampaignQueries.ToJointView(campaign, site, (district.Code, district.Name));
        var standards = campaign.Standards
            .Select(st => CampaignQueries.ToView(st, campaign.FundraisingYearBasis, r => r.AppliesTo.Matches(site.Tier, site.JointSiteNumber)))
            .Where(st => st.Requirements.Count > 0).ToList();
        return new SiteDetail(CampaignQueries.Summary(campaign), site.Id, site.Street, district.Id, district.Code, district.Name,
            site.Tier.Label(), site.JointSiteNumber, site.State.Label(),
            site.Communities.OrderBy(c => c.SortOrder).Select(c => new CommunityView(c.Id, c.Name,
                c.Kind == CommunityKind.Village ? "村" : "社区", c.ResidentPopulation, c.PopulationSource, c.PopulationYear)).ToList(),
            joint.FloorBand, joint.FloorFen, standards, site.Details,
            site.Transitions.OrderBy(t => t.At).ThenBy(t => t.Id).Select(t => new TimelineEntry(t.At, t.UserName, t.Role.Label(),
                t.Command.Label(), t.From?.Label(), t.To.Label(), t.Reason)).ToList(),
            site.Tier, site.State, site.Version, site.DetailsEditable, site.ReturnReason);
    }

    /// <summary>Applications in scope: district-level sites in every state, and joint sites whose details the district still completes.</summary>
    public async Task<IReadOnlyList<ApplicationRow>> ListApplicationsAsync(UserScope scope, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        var campaign = await _campaigns.LoadCampaignAsync(db, ct);
        var rows = await db.Sites.AsNoTracking().Where(s => s.CampaignId == campaign.Id)
            .Where(s => s.Tier == SiteTier.DistrictLevel || s.State == SiteState.Approved)
            .Join(db.Districts, s => s.DistrictId, d => d.Id, (s, d) => new
            {
                s.Id, d.Code, d.Name, d.SortOrder, s.Street, s.Tier, s.State, Communities = s.Communities.Count, s.ReturnReason,
                Last = s.Transitions.OrderByDescending(t => t.At).ThenByDescending(t => t.Id).Select(t => new { t.At, t.UserName }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows
            .OrderBy(r => r.State == SiteState.Submitted ? 0 : r.State == SiteState.Returned ? 1 : 2)
            .ThenBy(r => r.SortOrder).ThenBy(r => r.Street)
            .Select(r => new ApplicationRow(r.Id, r.Code, r.Name, r.Street, r.Tier.Label(), r.State, r.State.Label(), r.Communities,
                r.Last?.At, r.Last?.UserName ?? "", r.ReturnReason))
            .ToList();
    }
}
