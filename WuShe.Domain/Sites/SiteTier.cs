namespace WuShe.Domain.Sites;

public enum SiteTier
{
    /// <summary>区级创建点.</summary>
    DistrictLevel,
    /// <summary>市区联合创建点.</summary>
    CityDistrictJoint,
}

/// <summary>The lifecycle states of SPEC §4; transitions come with the lifecycle.</summary>
public enum SiteState
{
    /// <summary>草稿.</summary>
    Draft,
    /// <summary>已申报.</summary>
    Submitted,
    /// <summary>已退回.</summary>
    Returned,
    /// <summary>已立项.</summary>
    Approved,
    /// <summary>创建中.</summary>
    InProgress,
    /// <summary>中期评估.</summary>
    MidTermEvaluated,
    /// <summary>末期评估.</summary>
    FinalEvaluated,
    /// <summary>已结项.</summary>
    Accepted,
    /// <summary>整改.</summary>
    Rectification,
}

public static class SiteStates
{
    /// <summary>创建中（广义）: approved and not yet accepted — the sites that report progress, owe evaluations and raise alerts.</summary>
    public static readonly IReadOnlyList<SiteState> InCreation = new[]
    {
        SiteState.Approved, SiteState.InProgress, SiteState.MidTermEvaluated, SiteState.FinalEvaluated, SiteState.Rectification,
    };
}

public static class SiteLabels
{
    public static string Label(this SiteTier tier) => tier switch
    {
        SiteTier.CityDistrictJoint => "市区联合创建点",
        _ => "区级创建点",
    };

    public static string Label(this SiteState state) => state switch
    {
        SiteState.Draft => "草稿",
        SiteState.Submitted => "已申报",
        SiteState.Returned => "已退回",
        SiteState.Approved => "已立项",
        SiteState.InProgress => "创建中",
        SiteState.MidTermEvaluated => "中期评估",
        SiteState.FinalEvaluated => "末期评估",
        SiteState.Accepted => "已结项",
        SiteState.Rectification => "整改",
        _ => state.ToString(),
    };
}
