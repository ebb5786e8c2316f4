namespace WuShe.Domain.Compliance;

public enum VerdictStatus
{
    /// <summary>达标.</summary>
    Met,
    /// <summary>未达标.</summary>
    NotMet,
    /// <summary>无数据: never a pass.</summary>
    NoData,
    /// <summary>仅统计: no floor applies (e.g. district-level fundraising); counts as met.</summary>
    Tracked,
}

/// <summary>One requirement for the site or one community: what is required, what there is, and what is missing, in words.</summary>
public sealed record RequirementVerdict(
    string Description,
    /// <summary>"创建点" or the community's name.</summary>
    string Scope,
    VerdictStatus Status,
    string Required,
    string Actual,
    string Gap,
    string Clause,
    /// <summary>0–1, for a progress bar; null when there is no data.</summary>
    decimal? Progress);

public sealed record StandardVerdict(int Number, string Title, string Clause, IReadOnlyList<RequirementVerdict> Requirements)
{
    public VerdictStatus Status =>
        Requirements.Any(r => r.Status == VerdictStatus.NotMet) ? VerdictStatus.NotMet
        : Requirements.Any(r => r.Status == VerdictStatus.NoData) ? VerdictStatus.NoData
        : VerdictStatus.Met;

    public bool Met => Status == VerdictStatus.Met;

    /// <summary>Share of requirement checks passed, for a progress bar.</summary>
    public decimal Progress => Requirements.Count == 0 ? 0
        : Requirements.Sum(r => r.Status is VerdictStatus.Met or VerdictStatus.Tracked ? 1m : r.Progress ?? 0m) / Requirements.Count;
}

/// <summary>A site's seven standards as of a date; complete when all are met (completion = met / standards).</summary>
public sealed record SiteCompliance(DateOnly AsOf, int Year, IReadOnlyList<StandardVerdict> Standards)
{
    public int MetCount => Standards.Count(s => s.Met);
    public decimal Completion => Standards.Count == 0 ? 0 : (decimal)MetCount / Standards.Count;
    public bool Complete => Standards.Count > 0 && MetCount == Standards.Count;
}

public static class VerdictLabels
{
    public static string Label(this VerdictStatus s) => s switch
    {
        VerdictStatus.Met => "达标",
        VerdictStatus.NotMet => "未达标",
        VerdictStatus.NoData => "无数据",
        _ => "仅统计",
    };
}
