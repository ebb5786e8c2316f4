using WuShe.Domain.Common;

namespace WuShe.Domain.Accounts;

/// <summary>
/// What an account is bound to: its role and, by role, a district (区民政局) or a site and its district
/// (街镇社会工作服务站); city roles bind to neither. The scope every query of the account runs in follows from it.
/// </summary>
public sealed record AccountBinding
{
    public UserRole Role { get; }
    public int? DistrictId { get; }
    public int? SiteId { get; }

    public AccountBinding(UserRole role, int? districtId, int? siteId)
    {
        switch (role)
        {
            case UserRole.DistrictOfficer when districtId is null || siteId is not null:
                throw new DomainException("区民政局账号必须绑定一个区，且不绑定创建点。");
            case UserRole.StreetStation when siteId is null || districtId is null:
                throw new DomainException("街镇社会工作服务站账号必须绑定一个创建点及其所在区。");
            case UserRole.CityAdministrator or UserRole.CityEvaluator or UserRole.Viewer when districtId is not null || siteId is not null:
                throw new DomainException($"{role.Label()}账号不绑定区或创建点。");
        }
        Role = role;
        DistrictId = districtId;
        SiteId = siteId;
    }

    public UserScope Scope => new(Role, DistrictId, SiteId);
}
