using WuShe.Domain.Common;

namespace WuShe.Domain.Campaigns;

/// <summary>
/// 系统设定: what the notice leaves open and the city may change — evaluation due dates, lead times, what "每年" of 三（六）
/// counts over and why, and the thresholds of requirements whose number the notice does not state (by requirement id).
/// </summary>
public sealed record SystemSettings(
    DateOnly MidTermEvaluationDue,
    DateOnly FinalEvaluationDue,
    int AlertLeadDays,
    int ReportDueDays,
    FundraisingYearBasis FundraisingYearBasis,
    string FundraisingYearReason,
    IReadOnlyDictionary<int, decimal> Thresholds)
{
    /// <summary>Field by field, by the record's own property names.</summary>
    public IReadOnlyList<FieldError> Validate() =>
        ScheduleErrors(MidTermEvaluationDue, FinalEvaluationDue, AlertLeadDays, ReportDueDays)
            .Concat(FundraisingYearErrors(FundraisingYearBasis, FundraisingYearReason))
            .Concat(Thresholds.Count <= 100 ? [] : [new FieldError(nameof(Thresholds), $"一次最多修改 100 项数量（系统设定），实际 {Thresholds.Count} 项。")])
            .ToList();

    /// <summary>The evaluation dates and lead times a campaign may have — the one rule for its data file and the city's edits.</summary>
    public static IEnumerable<FieldError> ScheduleErrors(DateOnly midTerm, DateOnly final, int leadDays, int reportDueDays)
    {
        if (midTerm < DateBounds.Earliest || midTerm > DateBounds.Latest) yield return new(nameof(MidTermEvaluationDue), "请填写有效的中期评估截止日期。");
        if (final <= midTerm) yield return new(nameof(FinalEvaluationDue), "末期评估截止日期应晚于中期评估截止日期。");
        if (final > DateBounds.Latest) yield return new(nameof(FinalEvaluationDue), "请填写有效的末期评估截止日期。");
        if (leadDays is < 0 or > 365) yield return new(nameof(AlertLeadDays), $"提前预警天数应在 0—365 之间，实际为 {leadDays}。");
        if (reportDueDays is < 0 or > 90) yield return new(nameof(ReportDueDays), $"进展报告提交期限应在 0—90 天之间，实际为 {reportDueDays}。");
    }

    /// <summary>What "每年" of 三（六） counts over, and why — the one rule for the data file and the city's edits.</summary>
    public static IEnumerable<FieldError> FundraisingYearErrors(FundraisingYearBasis basis, string? reason)
    {
        if (!Enum.IsDefined(basis)) yield return new(nameof(FundraisingYearBasis), "筹款年度口径应为“自然年”或“项目年度”。");
        if (string.IsNullOrWhiteSpace(reason)) yield return new(nameof(FundraisingYearReason), "请写明筹款年度口径的理由。");
        else if (reason.Length > MaxReasonLength)
            yield return new(nameof(FundraisingYearReason), $"理由最多 {MaxReasonLength} 个字（系统设定），实际 {reason.Length} 个字。");
    }

    public const int MaxReasonLength = 1000;
}
