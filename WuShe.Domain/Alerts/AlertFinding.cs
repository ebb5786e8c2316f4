namespace WuShe.Domain.Alerts;

public enum AlertSeverity
{
    /// <summary>提示.</summary>
    Info,
    /// <summary>警告.</summary>
    Warning,
    /// <summary>严重.</summary>
    Critical,
}

public enum AlertScope
{
    /// <summary>全市.</summary>
    City,
    /// <summary>区.</summary>
    District,
    /// <summary>创建点.</summary>
    Site,
    /// <summary>社区.</summary>
    Community,
}

/// <summary>The alert rules of SPEC §6.</summary>
public enum AlertRule
{
    /// <summary>创建节点风险.</summary>
    MilestoneRisk,
    /// <summary>进展报告逾期.</summary>
    ReportOverdue,
    /// <summary>评估逾期.</summary>
    EvaluationOverdue,
    /// <summary>筹款进度滞后.</summary>
    FundraisingPace,
    /// <summary>年度筹款低于下限.</summary>
    FundraisingBelowFloor,
    /// <summary>创建标准未达标.</summary>
    StandardFailing,
    /// <summary>名额问题.</summary>
    QuotaProblem,
}

/// <summary>
/// One condition found by a rule: identified by (rule, scope key, period) so a re-run updates instead of duplicating,
/// with the numbers behind it, the clause, and where to fix it.
/// </summary>
public sealed record AlertFinding(
    AlertRule Rule,
    /// <summary>Distinguishes findings of one rule, e.g. the standard number; part of the identity.</summary>
    string RuleKey,
    AlertScope Scope,
    /// <summary>"city", "district:12", "site:34", "community:56".</summary>
    string ScopeKey,
    /// <summary>"2023-11-30", "2024-04", "2024" …</summary>
    string Period,
    AlertSeverity Severity,
    string Title,
    string Numbers,
    string Clause,
    int? DistrictId,
    int? SiteId,
    string Link);

public static class AlertLabels
{
    public static string Label(this AlertSeverity s) => s switch { AlertSeverity.Info => "提示", AlertSeverity.Warning => "警告", _ => "严重" };

    public static string Label(this AlertScope s) => s switch
    {
        AlertScope.City => "全市", AlertScope.District => "区", AlertScope.Site => "创建点", _ => "社区",
    };

    public static string Label(this AlertRule r) => r switch
    {
        AlertRule.MilestoneRisk => "创建节点风险",
        AlertRule.ReportOverdue => "进展报告逾期",
        AlertRule.EvaluationOverdue => "评估逾期",
        AlertRule.FundraisingPace => "筹款进度滞后",
        AlertRule.FundraisingBelowFloor => "年度筹款低于下限",
        AlertRule.StandardFailing => "创建标准未达标",
        _ => "名额问题",
    };
}
