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
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        void Need(bool ok, string field, string message) { if (!ok) errors.Add(new FieldError(field, message)); }
        Need(MidTermEvaluationDue >= DateBounds.Earliest && MidTermEvaluationDue <= DateBounds.Latest, nameof(MidTermEvaluationDue), "请填写有效的中期评估截止日期。");
        Need(FinalEvaluationDue > MidTermEvaluationDue, nameof(FinalEvaluationDue), "末期评估截止日期应晚于中期评估截止日期。");
        Need(FinalEvaluationDue <= DateBounds.Latest, nameof(FinalEvaluationDue), "请填写有效的末期评估截止日期。");
        Need(AlertLeadDays is >= 0 and <= 365, nameof(AlertLeadDays), $"提前预警天数应在 0—365 之间，实际为 {AlertLeadDays}。");
        Need(ReportDueDays is >= 0 and <= 90, nameof(ReportDueDays), $"进展报告提交期限应在 0—90 天之间，实际为 {ReportDueDays}。");
        Need(Enum.IsDefined(FundraisingYearBasis), nameof(FundraisingYearBasis), "筹款年度口径应为“自然年”或“项目年度”。");
        Need(!string.IsNullOrWhiteSpace(FundraisingYearReason), nameof(FundraisingYearReason), "请写明筹款年度口径的理由。");
        Need((FundraisingYearReason ?? "").Length <= 1000, nameof(FundraisingYearReason), $"理由最多 1000 个字（系统设定），实际 {(FundraisingYearReason ?? "").Length} 个字。");
        Need(Thresholds.Count <= 100, nameof(Thresholds), "要求过多。");
        return errors;
    }
}
