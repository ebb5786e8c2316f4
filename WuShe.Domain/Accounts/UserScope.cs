using System.Linq.Expressions;

namespace WuShe.Domain.Accounts;

/// <summary>
/// What a signed-in user may see (SPEC §1): the city sees everything; a district officer one district; a station one
/// site; a city evaluator the joint sites assigned to them (评估分工). <see cref="Covers"/> is the one definition of scope:
/// the database applies it to every query of a user's data (global query filters), so a query that forgets it cannot leak.
/// </summary>
public sealed record UserScope(UserRole Role, int? DistrictId, int? SiteId)
{
    /// <summary>Everything, for the system's own work: scheduled scans, seeding, account administration.</summary>
    public static readonly UserScope System = new(UserRole.CityAdministrator, null, null);

    /// <summary>The joint sites a city evaluator is assigned to; empty for every other role.</summary>
    public IReadOnlyList<int> AssignedSiteIds { get; init; } = [];

    /// <summary>
    /// The campaign the user works in (创建活动): chosen by a city user, their district's for a district or station account.
    /// Null only for the system's own work, which reads every campaign.
    /// </summary>
    public int? CampaignId { get; init; }

    /// <summary>The campaigns a district officer who takes part in several may switch between (empty: one campaign only).</summary>
    public IReadOnlyList<int> CampaignIds { get; init; } = [];

    /// <summary>Whether the user may work in <paramref name="campaignId"/>: any, for a city account; their own, otherwise.</summary>
    public bool MayChoose(int campaignId) => ChoosesCampaign || CampaignIds.Contains(campaignId);

    /// <summary>City accounts choose the campaign they work in; a district or station account works in its district's.</summary>
    public bool ChoosesCampaign => Role is UserRole.CityAdministrator or UserRole.Viewer or UserRole.CityEvaluator;

    public bool SeesWholeCity => Role is UserRole.CityAdministrator or UserRole.Viewer;

    /// <summary>Whether districts are this scope's unit of work (boards, ledgers, batches): the city and district officers.</summary>
    public bool OverseesDistricts => SeesWholeCity || Role == UserRole.DistrictOfficer;

    /// <summary>Whether the scope covers a record of a district (null: the city's own) and a site (null: none).</summary>
    public static readonly Expression<Func<UserScope, int?, int?, bool>> Covers = (u, districtId, siteId) =>
        u.SeesWholeCity
        || (u.DistrictId != null && districtId == u.DistrictId && (u.SiteId == null || siteId == u.SiteId))
        || (siteId != null && u.AssignedSiteIds.Contains(siteId.Value));

    private static readonly Func<UserScope, int?, int?, bool> CoversCompiled = Covers.Compile();

    public bool Sees(int? districtId, int? siteId) => CoversCompiled(this, districtId, siteId);

    public bool Equals(UserScope? other) => other is not null && Role == other.Role && DistrictId == other.DistrictId
        && SiteId == other.SiteId && CampaignId == other.CampaignId && AssignedSiteIds.SequenceEqual(other.AssignedSiteIds);

    public override int GetHashCode() => HashCode.Combine(Role, DistrictId, SiteId, CampaignId, AssignedSiteIds.Count);
}
