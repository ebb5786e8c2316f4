using WuShe.Domain.Common;

namespace WuShe.Domain.Accounts;

/// <summary>
/// What an account is bound to: its role and, by role, a district (区民政局), a site and its district
/// (街镇社会工作服务站), or the joint sites a city evaluator is assigned to (评估分工); the city's other roles bind to
/// nothing. The scope every query of the account runs in follows from it.
/// </summary>
public sealed record AccountBinding
{
    public UserRole Role { get; }
    public int? DistrictId { get; }
    public int? SiteId { get; }
    /// <summary>The joint sites a city evaluator evaluates and reads; empty for every other role.</summary>
    public IReadOnlyList<int> AssignedSiteIds { get; }

    public AccountBinding(UserRole role, int? districtId, int? siteId, IEnumerable<int>? assignedSiteIds = null)
    {
        var assigned = (assignedSiteIds ?? []).Distinct().Order().ToList();
        switch (role)
        {
            case UserRole.DistrictOfficer when districtId is null || siteId is not null:
                throw new DomainException("区民政局账号必须绑定一个区，且不绑定创建点。");
            case UserRole.StreetStation when siteId is null || districtId is null:
                throw new DomainException("街镇社会工作服务站账号必须绑定一个创建点及其所在区。");
            case UserRole.CityAdministrator or UserRole.CityEvaluator or UserRole.Viewer when districtId is not null || siteId is not null:
                throw new DomainException($"{role.Label()}账号不绑定区或创建点。");
        }
        if (role != UserRole.CityEvaluator && assigned.Count > 0)
            throw new DomainException("只有市级评估专家账号可以分配评估的市区联动创建点。");
        Role = role;
        DistrictId = districtId;
        SiteId = siteId;
        AssignedSiteIds = assigned;
    }

    /// <summary>Who manages an account: the city administrator every account; a district officer the station accounts of their own district.</summary>
    public bool MayBeAdministeredBy(Actor actor) => actor.Role == UserRole.CityAdministrator
        || (actor.Role == UserRole.DistrictOfficer && Role == UserRole.StreetStation && actor.DistrictId is not null && DistrictId == actor.DistrictId);

    public static bool AdministersAccounts(UserRole role) => role is UserRole.CityAdministrator or UserRole.DistrictOfficer;

    public UserScope Scope => new(Role, DistrictId, SiteId) { AssignedSiteIds = AssignedSiteIds };
}
