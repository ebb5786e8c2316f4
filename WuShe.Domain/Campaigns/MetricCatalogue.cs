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
        new(StandardMetric.SocialOrganisationsPerCommunity, "每个社区的社区社会组织数", MeasureUnit.Count, Community, "个", "社区社会组织"),
        new(StandardMetric.CertifiedWorkerShare, "社区工作者持证比例", MeasureUnit.Ratio, Community, "名", "持证社区工作者", "社区工作者"),
        new(StandardMetric.StationFloorArea, "街镇社会工作服务站面积", MeasureUnit.SquareMetre, Site, "平方米", "服务站面积"),
        new(StandardMetric.StationStaff, "服务站工作人员数", MeasureUnit.Count, Site, "名", "服务站工作人员"),
        new(StandardMetric.StationAnnualFunding, "服务站年度运营经费", MeasureUnit.Fen, Site, "", "服务站年度经费"),
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
    /// "period", "aggregation", "coverageFloor", "forCommunities"); empty when it can.
    /// </summary>
    public static IEnumerable<(string Field, string Message)> Problems(StandardMetric metric, Comparator comparator, decimal threshold,
        MeasureUnit unit, StandardScope scope, RequirementPeriod period, Aggregation? aggregation = null, decimal? coverageFloor = null,
        Sites.CommunityKind? forCommunities = null)
    {
        var m = Of(metric);
        if (forCommunities is not null && (scope == StandardScope.Site || !m.Scopes.Contains(StandardScope.Community)))
            yield return ("forCommunities", "只有按社区填报的指标（scope 为 Community，或区、全市汇总的社区指标）才能限定城市社区或农村社区");
        var aggregate = scope is StandardScope.District or StandardScope.City;
        if (!aggregate && !m.Scopes.Contains(scope))
            yield return ("scope", $"指标“{m.Name}”按{string.Join("、", m.Scopes.Select(ScopeName))}填报，不能按{ScopeName(scope)}衡量");
        if (!aggregate && aggregation is not null)
            yield return ("aggregation", $"只有区或全市的目标（scope 为 District 或 City）才有汇总方式，{ScopeName(scope)}的要求不写 aggregation");
        if (aggregate && (aggregation is not { } a || !AggregationsFor(m).Contains(a)))
        {
            yield return ("aggregation", $"指标“{m.Name}”在{ScopeName(scope)}的汇总方式应为：{string.Join("、", AggregationsFor(m).Select(AggregationName))}");
            yield break;
        }
        if ((aggregation == Aggregation.Coverage) != (coverageFloor is not null))
            yield return ("coverageFloor", aggregation == Aggregation.Coverage
                ? "覆盖率须写明每个社区达到多少才算覆盖（coverageFloor）" : "只有覆盖率（Coverage）才写 coverageFloor");
        else if (coverageFloor is { } floor && ThresholdProblem(m.Unit, floor, whole: true) is { } f)
            yield return ("coverageFloor", $"指标“{m.Name}”的覆盖标准{f}，实际为 {floor}");
        var expected = UnitOf(m, aggregation);
        if (unit != expected)
            yield return ("unit", aggregation is null
                ? $"指标“{m.Name}”的单位是{UnitName(expected)}，不能按{UnitName(unit)}衡量"
                : $"指标“{m.Name}”按{AggregationName(aggregation.Value)}汇总后的单位是{UnitName(expected)}，不能按{UnitName(unit)}衡量");
        if (!ComparatorsFor(expected).Contains(comparator))
            yield return ("comparator", $"指标“{m.Name}”（{UnitName(expected)}）不能用“{comparator.Symbol()}”比较，可用：{string.Join("、", ComparatorsFor(expected).Select(c => c.Symbol()))}");
        var whole = aggregation is null or Aggregation.Sum;
        if (ThresholdProblem(expected, threshold, whole) is { } t) yield return ("threshold", $"指标“{m.Name}”的阈值{t}，实际为 {threshold}");
        if (metric == StandardMetric.CharityFundsRaised && period != RequirementPeriod.FundraisingYear)
            yield return ("period", "社会慈善资金按本活动的筹款年度计，period 应为 FundraisingYear");
    }

    /// <summary>
    /// Why numbers that rise with the years cannot stand (field "thresholdsByYear.{year}"): a year outside 2000—2100, a
    /// number the rule's own threshold could not be, or a fundraising floor (set by tier, never by year). One check, for
    /// the campaign file and for the domain alike.
    /// </summary>
    public static IEnumerable<(string Field, string Message)> YearProblems(StandardMetric metric, Comparator comparator, MeasureUnit unit,
        StandardScope scope, RequirementPeriod period, Aggregation? aggregation, decimal? coverageFloor, IEnumerable<YearThreshold> thresholds)
    {
        foreach (var t in thresholds)
        {
            var field = $"thresholdsByYear.{t.FromYear}";
            if (t.FromYear is < 2000 or > 2100) yield return (field, "年份应在 2000—2100 之间");
            if (metric == StandardMetric.CharityFundsRaised) yield return (field, "社会慈善资金的下限按创建点类别设定，不按年份分段");
            foreach (var problem in Problems(metric, comparator, t.Threshold, unit, scope, period, aggregation, coverageFloor).Where(x => x.Field == "threshold"))
                yield return (field, problem.Message);
        }
    }

    /// <summary>How a metric may be combined over a district or the city.</summary>
    public static IReadOnlyList<Aggregation> AggregationsFor(MetricDefinition m) => (m.Unit, m.Scopes.Contains(StandardScope.Community)) switch
    {
        (MeasureUnit.Flag, _) => [Aggregation.Sum],
        (MeasureUnit.Ratio, _) => [Aggregation.Pooled, Aggregation.Coverage],
        (MeasureUnit.Fen, _) => [Aggregation.Sum, Aggregation.MeanPerSite],
        (_, true) => [Aggregation.Sum, Aggregation.MeanPerCommunity, Aggregation.Coverage],
        _ => [Aggregation.Sum, Aggregation.MeanPerSite, Aggregation.MeanPerCommunity],
    };

    /// <summary>The unit a rule's threshold is in: the metric's own, a count of sites for a yes/no total, a ratio for a share.</summary>
    public static MeasureUnit UnitOf(MetricDefinition m, Aggregation? aggregation) => aggregation switch
    {
        Aggregation.Pooled or Aggregation.Coverage => MeasureUnit.Ratio,
        not null when m.Unit == MeasureUnit.Flag => MeasureUnit.Count,
        _ => m.Unit,
    };

    public static string AggregationName(Aggregation a) => a switch
    {
        Aggregation.Sum => "合计（Sum）",
        Aggregation.MeanPerCommunity => "平均每个社区（MeanPerCommunity）",
        Aggregation.MeanPerSite => "平均每个创建点（MeanPerSite）",
        Aggregation.Pooled => "合计比例（Pooled）",
        _ => "覆盖率（Coverage）",
    };

    private static string? ThresholdProblem(MeasureUnit unit, decimal threshold, bool whole = true) => unit switch
    {
        _ when threshold < 0 => "不能为负数",
        MeasureUnit.Ratio when threshold > 1 => "是比例，应在 0 到 1 之间（例如 0.15 表示 15%）",
        MeasureUnit.Count when whole && threshold != decimal.Truncate(threshold) => "是人数或个数，应为整数",
        MeasureUnit.SquareMetre when whole && threshold != decimal.Truncate(threshold) => "以平方米计，应为整数",
        MeasureUnit.Fen when threshold != decimal.Truncate(threshold) => "以分为单位，应为整数",
        MeasureUnit.Flag when threshold != 1 => "是“是否具备”，应为 1",
        _ => null,
    };

    public static string UnitName(MeasureUnit unit) => unit switch
    {
        MeasureUnit.Count => "个数（Count）",
        MeasureUnit.Ratio => "比例（Ratio）",
        MeasureUnit.Fen => "金额·分（Fen）",
        MeasureUnit.SquareMetre => "面积·平方米（SquareMetre）",
        _ => "是否（Flag）",
    };

    public static string ScopeName(StandardScope scope) => scope switch
    {
        StandardScope.Community => "每个社区（Community）",
        StandardScope.District => "每个区（District）",
        StandardScope.City => "全市（City）",
        _ => "创建点（Site）",
    };
}
