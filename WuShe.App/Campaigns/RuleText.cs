using WuShe.Domain.Campaigns;
using WuShe.Domain.Common;

namespace WuShe.App.Campaigns;

/// <summary>How a requirement reads to a person: "≥ 2 人", "≥ 15%", "≥ 50,000.00 元", "必须具备", "仅统计".</summary>
public static class RuleText
{
    public static string Of(StandardRequirement r) => r.Comparator switch
    {
        Comparator.IsTrue => "必须具备",
        Comparator.TrackOnly => "仅统计，不设下限",
        var c => c.Symbol() + " " + Value(r.Unit, r.Threshold)
            + string.Concat(r.ThresholdsByYear.Select(t => $"；{t.FromYear}年起 {c.Symbol()} {Value(r.Unit, t.Threshold)}")),
    } + (r.ThresholdIsSystemSetting ? "（系统设定）" : "");

    public static string Value(MeasureUnit unit, decimal value) => unit switch
    {
        MeasureUnit.Ratio => (value * 100).ToString("0.##") + "%",
        MeasureUnit.Fen => Money.FormatYuan((long)value),
        MeasureUnit.Flag => value > 0 ? "是" : "否",
        _ => value.ToString("0.##"),
    };

    public static string Of(StandardScope scope) => scope == StandardScope.Community ? "每个社区" : "创建点";

    /// <summary>"创建点", "每个社区", or one kind of community: "每个农村社区".</summary>
    public static string ScopeOf(StandardRequirement r) =>
        r.ForCommunities is { } kind ? "每个" + WuShe.Domain.Sites.CommunityKinds.Label(kind) : Of(r.Scope);

    public static string Of(RequirementPeriod period, FundraisingYearBasis basis) => period switch
    {
        RequirementPeriod.CalendarYear => "每个自然年",
        RequirementPeriod.FundraisingYear => "每个" + FundraisingYear.BasisLabel(basis),
        _ => "创建期内",
    };
}
