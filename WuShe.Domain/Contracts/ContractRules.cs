using WuShe.Domain.Common;

namespace WuShe.Domain.Contracts;

/// <summary>
/// 服务合同规则, an optional campaign feature (两江: “服务期限最长不超过3年，合同一年一签，考评合格予以续签”): how long one
/// contract may run, how long a site's service may run in all, and whether a renewal needs the last year's 考评 passed.
/// </summary>
public sealed record ContractRules(int TermMonths, int MaxTotalMonths, bool RenewOnlyAfterPassing, string Clause)
{
    public IEnumerable<FieldError> Validate()
    {
        if (TermMonths is < 1 or > 60) yield return new("termMonths", "每份合同的期限应为 1—60 个月。");
        if (MaxTotalMonths < TermMonths || MaxTotalMonths > 120) yield return new("maxTotalMonths", "服务期限合计应不少于一份合同的期限、不超过 120 个月。");
        if (string.IsNullOrWhiteSpace(Clause)) yield return new("clause", "请写明合同规则出自文件的哪一条（条款：原文）。");
    }

    /// <summary>"一年一签，服务期限最长 3 年，考评合格方可续签".</summary>
    public string Summary => $"每份合同最长 {Months(TermMonths)}，服务期限合计最长 {Months(MaxTotalMonths)}" + (RenewOnlyAfterPassing ? "，考评合格方可续签" : "");

    private static string Months(int months) => months % 12 == 0 ? $"{months / 12} 年" : $"{months} 个月";
}
