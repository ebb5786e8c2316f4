namespace WuShe.Domain.Accounts;

/// <summary>The roles of SPEC §1.</summary>
public enum UserRole
{
    /// <summary>市民政局.</summary>
    CityAdministrator,
    /// <summary>市级评估团队 / 专家.</summary>
    CityEvaluator,
    /// <summary>区民政局.</summary>
    DistrictOfficer,
    /// <summary>街镇社会工作服务站.</summary>
    StreetStation,
    /// <summary>领导 / 只读.</summary>
    Viewer,
}

public static class UserRoleLabels
{
    public static string Label(this UserRole role) => role switch
    {
        UserRole.CityAdministrator => "市民政局",
        UserRole.CityEvaluator => "市级评估专家",
        UserRole.DistrictOfficer => "区民政局",
        UserRole.StreetStation => "街镇社会工作服务站",
        UserRole.Viewer => "领导（只读）",
        _ => role.ToString(),
    };
}
