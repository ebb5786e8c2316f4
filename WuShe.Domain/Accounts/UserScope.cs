using System.Linq.Expressions;
using WuShe.Domain.Alerts;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Sites;

namespace WuShe.Domain.Accounts;

/// <summary>
/// What a signed-in user may see (SPEC §1): the city sees everything; a district officer one district; a station one
/// site; a city evaluator the joint sites (narrowed to assigned ones once assignments exist). The predicates are the
/// one definition of scope: the server applies them to every query.
/// </summary>
public sealed record UserScope(UserRole Role, int? DistrictId, int? SiteId)
{
    public bool SeesWholeCity => Role is UserRole.CityAdministrator or UserRole.Viewer;

    public Expression<Func<District, bool>> Districts() => Role switch
    {
        UserRole.CityAdministrator or UserRole.Viewer => d => true,
        UserRole.DistrictOfficer => d => d.Id == DistrictId,
        _ => d => false,
    };

    public Expression<Func<Site, bool>> Sites() => Role switch
    {
        UserRole.CityAdministrator or UserRole.Viewer => s => true,
        UserRole.DistrictOfficer => s => s.DistrictId == DistrictId,
        UserRole.StreetStation => s => s.Id == SiteId,
        UserRole.CityEvaluator => s => s.Tier == SiteTier.CityDistrictJoint,
        _ => s => false,
    };

    /// <summary>Alerts in scope: city-wide for the city; a district's (not the city's) for its officer; a site's for its station.</summary>
    public Expression<Func<Alert, bool>> Alerts() => Role switch
    {
        UserRole.CityAdministrator or UserRole.Viewer => a => true,
        UserRole.DistrictOfficer => a => a.DistrictId == DistrictId,
        UserRole.StreetStation => a => a.SiteId == SiteId,
        _ => a => false,
    };
}
