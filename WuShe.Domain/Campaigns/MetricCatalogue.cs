namespace WuShe.Domain.Campaigns;

/// <summary>
/// What a metric is: its name, unit, the scopes it is reported at, and how it is counted in words ("还差 3 名注册志愿者");
/// a ratio names its numerator and denominator. A campaign's rules are checked against it when the campaign is loaded.
/// </summary>
public sealed record MetricDefinition(StandardMetric Metric, string Name, MeasureUnit Unit, IReadOnlyList<StandardScope> Scopes,
    string UnitWord, string Noun, string? Denominator = null);

public static class MetricCatalogue
{
    private static readonly StandardScope[] Site = [StandardScope.Site], Community = [StandardScope.Community];

    public static readonly IReadOnlyList<MetricDefinition> All =
    [
        new(StandardMetric.CommunityFundEstablished, "依托公募慈善组织设立社区基金", MeasureUnit.Flag, Site, "", "社区基金"),
        new(StandardMetric.FullTimeSocialWorkers, "专职社会工作者人数", MeasureUnit.Count, Site, "名", "专职社会工作者"),
        new(StandardMetric.CoveredCommunities, "项目辐射社区数", MeasureUnit.Count, Site, "个", "辐射社区"),
        new(StandardMetric.CommitteeMembersTakingPart, "参与项目的“两委”成员人数", MeasureUnit.Count, Community, "名", "参与项目的“两委”成员"),
        new(StandardMetric.CertifiedWorkersTakingPart, "参与项目的持证社区工作者人数", MeasureUnit.Count, Community, "名", "参与项目的持证社区工作者"),
        new(StandardMetric.SpecialHardshipServiceActivities, "面向特殊困难群众的专业服务活动数", MeasureUnit.Count, Site, "次", "专业服务活动"),
        new(StandardMetric.CommunitySocialOrganisations, "培育发展的社区社会组织数", MeasureUnit.Count, Site, "个", "社区社会组织"),
        new(StandardMetric.VolunteerTeams, "志愿服务组织（团队）数", MeasureUnit.Count, Community, "个", "志愿服务组织（团队）"),
        new(StandardMetric.RegisteredVolunteerShare, "注册志愿者占常住人口比例", MeasureUnit.Ratio, Community, "名", "注册志愿者", "常住人口"),
        new(StandardMetric.ActiveVolunteerShare, "有服务时长记录的志愿者占注册志愿者比例", MeasureUnit.Ratio, Community, "名", "有服务时长记录的志愿者", "注册志愿者"),
        new(StandardMetric.CharityFundsRaised, "撬动的社会慈善资金（含物资折算）", MeasureUnit.Fen, Site, "", "社会慈善资金"),
        new(StandardMetric.ResearchTopics, "专题研究数", MeasureUnit.Count, Site, "项", "专题研究"),
        new(StandardMetric.CaseWriteUps, "经验总结、案例数", MeasureUnit.Count, Site, "篇", "经验总结"),
        new(StandardMetric.MediaReports, "媒体宣传报道数", MeasureUnit.Count, Site, "篇", "宣传报道"),
    ];

    private static readonly IReadOnlyDictionary<StandardMetric, MetricDefinition> ByMetric = All.ToDictionary(m => m.Metric);

    public static MetricDefinition Of(StandardMetric metric) => ByMetric[metric];

    /// <summary>
    /// The comparators a unit allows: a yes/no is 必须具备; money a floor (≥), "some" (>) or 仅统计; counts and ratios any
    /// comparison, or 仅统计.
    /// </summary>
    public static IReadOnlyList<Comparator> ComparatorsFor(MeasureUnit unit) => unit switch
    {
        MeasureUnit.Flag => [Comparator.IsTrue],
        MeasureUnit.Fen => [Comparator.AtLeast, Comparator.MoreThan, Comparator.TrackOnly],
        _ => [.. Comparators.Numeric, Comparator.TrackOnly],
    };

    /// <summary>
    /// Why a rule cannot be measured as written, by the field that is wrong ("unit", "scope", "comparator", "threshold",
    /// "period"); empty when it can.
    /// </summary>
    public static IEnumerable<(string Field, string Message)> Problems(StandardMetric metric, Comparator comparator, decimal threshold,
        MeasureUnit unit, StandardScope scope, RequirementPeriod period)
    {
        var m = Of(metric);
        if (unit != m.Unit)
            yield return ("unit", $"指标“{m.Name}”的单位是{UnitName(m.Unit)}，不能按{UnitName(unit)}衡量");
        if (!m.Scopes.Contains(scope))
            yield return ("scope", $"指标“{m.Name}”按{string.Join("、", m.Scopes.Select(ScopeName))}填报，不能按{ScopeName(scope)}衡量");
        if (!ComparatorsFor(m.Unit).Contains(comparator))
            yield return ("comparator", $"指标“{m.Name}”（{UnitName(m.Unit)}）不能用“{comparator.Symbol()}”比较，可用：{string.Join("、", ComparatorsFor(m.Unit).Select(c => c.Symbol()))}");
        if (ThresholdProblem(m.Unit, threshold) is { } t) yield return ("threshold", $"指标“{m.Name}”的阈值{t}，实际为 {threshold}");
        if (metric == StandardMetric.CharityFundsRaised && period != RequirementPeriod.FundraisingYear)
            yield return ("period", "社会慈善资金按本活动的筹款年度计，period 应为 FundraisingYear");
    }

    private static string? ThresholdProblem(MeasureUnit unit, decimal threshold) => unit switch
    {
        _ when threshold < 0 => "不能为负数",
        MeasureUnit.Ratio when threshold > 1 => "是比例，应在 0 到 1 之间（例如 0.15 表示 15%）",
        MeasureUnit.Count when threshold != decimal.Truncate(threshold) => "是人数或个数，应为整数",
        MeasureUnit.Fen when threshold != decimal.Truncate(threshold) => "以分为单位，应为整数",
        MeasureUnit.Flag when threshold != 1 => "是“是否具备”，应为 1",
        _ => null,
    };

    public static string UnitName(MeasureUnit unit) => unit switch
    {
        MeasureUnit.Count => "个数（Count）",
        MeasureUnit.Ratio => "比例（Ratio）",
        MeasureUnit.Fen => "金额·分（Fen）",
        _ => "是否（Flag）",
    };

    public static string ScopeName(StandardScope scope) => scope == StandardScope.Community ? "每个社区（Community）" : "创建点（Site）";
}
