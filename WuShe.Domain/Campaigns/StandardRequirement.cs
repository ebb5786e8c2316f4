using WuShe.Domain.Common;
using WuShe.Domain.Sites;

namespace WuShe.Domain.Campaigns;

/// <summary>One measurable rule of a creation standard: metric, comparator, threshold, scope, which sites, clause.</summary>
public class StandardRequirement
{
    public int Id { get; private set; }
    public StandardMetric Metric { get; private set; }
    public Comparator Comparator { get; private set; }
    /// <summary>Count, ratio (0.15 = 15 %), 分 for money, or 1 for a yes/no requirement.</summary>
    public decimal Threshold { get; private set; }
    public MeasureUnit Unit { get; private set; }
    public StandardScope Scope { get; private set; }
    public RequirementPeriod Period { get; private set; }
    public SiteSelector AppliesTo { get; private set; } = SiteSelector.AllSites;
    /// <summary>For a rule per community: only 城市社区 or only 农村社区 (村); null for every covered community.</summary>
    public CommunityKind? ForCommunities { get; private set; }
    /// <summary>For a district or city target: how the sites' facts combine; null for a site or community rule.</summary>
    public Aggregation? Aggregation { get; private set; }
    /// <summary>For <see cref="Campaigns.Aggregation.Coverage"/>: the figure a community must reach to count as covered (in the metric's unit).</summary>
    public decimal? CoverageFloor { get; private set; }

    public bool IsAggregate => Scope is StandardScope.District or StandardScope.City;

    /// <summary>
    /// Targets that rise with the years (两江: 2 名 in 2020, 5 名 by 2025): from each year on, judged against its own number;
    /// <see cref="Threshold"/> before the first. Empty for a rule with one number.
    /// </summary>
    public IReadOnlyList<YearThreshold> ThresholdsByYear { get; private set; } = [];

    /// <summary>The number in force in the calendar year of <paramref name="asOf"/>.</summary>
    public decimal ThresholdIn(int year) => ThresholdsByYear.LastOrDefault(t => t.FromYear <= year)?.Threshold ?? Threshold;

    /// <summary>This rule as judged on <paramref name="asOf"/>: itself, or a copy carrying the year's number.</summary>
    public StandardRequirement On(DateOnly asOf)
    {
        if (ThresholdsByYear.Count == 0 || ThresholdIn(asOf.Year) == Threshold) return this;
        var copy = (StandardRequirement)MemberwiseClone();
        copy.Threshold = ThresholdIn(asOf.Year);
        return copy;
    }

    /// <summary>Sets the yearly numbers, each checked like the threshold, in rising years.</summary>
    public void SetThresholdsByYear(IEnumerable<YearThreshold> thresholds)
    {
        var list = thresholds.OrderBy(t => t.FromYear).ToList();
        var problem = MetricCatalogue.YearProblems(Metric, Comparator, Unit, Scope, Period, Aggregation, CoverageFloor, list).FirstOrDefault();
        if (problem.Message is not null) throw new DomainException($"“{Description}”{problem.Field["thresholdsByYear.".Length..]}年起：{problem.Message}。");
        if (list.Select(t => t.FromYear).Distinct().Count() != list.Count) throw new DomainException($"“{Description}”的年份重复。");
        ThresholdsByYear = list;
    }
    public string Description { get; private set; } = "";
    /// <summary>The words of the notice this requirement comes from.</summary>
    public string ClauseText { get; private set; } = "";
    /// <summary>
    /// 系统设定: the notice asks for the thing but states no number (e.g. 三（三） "提供专业服务", 三（七） "专题研究"), so the
    /// threshold is the campaign's own setting and is shown as such, never as the notice's.
    /// </summary>
    public bool ThresholdIsSystemSetting { get; private set; }

    /// <summary>Where the number comes from, as pages and PDFs show it beside the clause.</summary>
    public string ThresholdSource => ThresholdIsSystemSetting ? "系统设定（通知未规定数量）" : "通知原文";

    protected StandardRequirement() { }

    /// <summary>The city changes a number the notice does not state (系统设定); the notice's own numbers are fixed.</summary>
    public void ChangeSystemThreshold(decimal threshold, string field)
    {
        if (!ThresholdIsSystemSetting) throw new DomainException($"“{Description}”的数值为通知规定，不能修改。");
        var whole = Unit is MeasureUnit.Count or MeasureUnit.Fen;
        if (threshold < 1 || threshold > 10_000 || (whole && threshold != decimal.Truncate(threshold)))
            throw new FieldValidationException(new[] { new FieldError(field, $"“{Description}”应为 1—10000 之间的整数，实际为 {threshold:0.##}。") });
        Threshold = threshold;
    }

    public StandardRequirement(StandardMetric metric, Comparator comparator, decimal threshold, MeasureUnit unit,
        StandardScope scope, RequirementPeriod period, SiteSelector appliesTo, string description, string clauseText,
        bool thresholdIsSystemSetting = false, CommunityKind? forCommunities = null, Aggregation? aggregation = null, decimal? coverageFloor = null)
    {
        var problem = MetricCatalogue.Problems(metric, comparator, threshold, unit, scope, period, aggregation, coverageFloor, forCommunities).FirstOrDefault();
        if (problem.Message is not null) throw new DomainException($"“{description}”：{problem.Message}。");
        Aggregation = aggregation;
        CoverageFloor = coverageFloor;
        ForCommunities = forCommunities;
        ThresholdIsSystemSetting = thresholdIsSystemSetting;
        if (threshold < 0) throw new DomainException($"“{description}”的阈值不能为负数。");
        if (unit == MeasureUnit.Ratio && threshold > 1)
            throw new DomainException($"“{description}”是比例，阈值应在 0 到 1 之间（例如 0.15 表示 15%）。");
        if (unit == MeasureUnit.Fen && threshold != decimal.Truncate(threshold))
            throw new DomainException($"“{description}”的金额阈值以分为单位，必须是整数。");
        Metric = metric;
        Comparator = comparator;
        Threshold = threshold;
        Unit = unit;
        Scope = scope;
        Period = period;
        AppliesTo = appliesTo;
        Description = description.Trim();
        ClauseText = clauseText.Trim();
    }
}

/// <summary>What is measured for a standard.</summary>
public enum StandardMetric
{
    /// <summary>依托公募慈善组织设立社区基金.</summary>
    CommunityFundEstablished,
    /// <summary>政府购买服务配备的专职社会工作者人数.</summary>
    FullTimeSocialWorkers,
    /// <summary>项目辐射社区数.</summary>
    CoveredCommunities,
    /// <summary>每个社区参与项目的“两委”成员人数.</summary>
    CommitteeMembersTakingPart,
    /// <summary>每个社区参与项目的持证社区工作者人数.</summary>
    CertifiedWorkersTakingPart,
    /// <summary>面向特殊困难群众的专业服务活动数（养老服务、社会救助、儿童福利和权益保护、残疾人保障）.</summary>
    SpecialHardshipServiceActivities,
    /// <summary>培育发展的社区社会组织数.</summary>
    CommunitySocialOrganisations,
    /// <summary>每个社区的志愿服务组织（团队）数.</summary>
    VolunteerTeams,
    /// <summary>注册志愿者占社区常住居民比例.</summary>
    RegisteredVolunteerShare,
    /// <summary>当年有志愿服务时长记录的注册志愿者占注册志愿者比例.</summary>
    ActiveVolunteerShare,
    /// <summary>每个社区基金每年撬动的社会慈善资金（含捐赠物资折算金额），分.</summary>
    CharityFundsRaised,
    /// <summary>专题研究.</summary>
    ResearchTopics,
    /// <summary>经验总结、案例.</summary>
    CaseWriteUps,
    /// <summary>媒体宣传报道.</summary>
    MediaReports,
    /// <summary>每个社区培育发展的社区社会组织数（按所属社区）.</summary>
    SocialOrganisationsPerCommunity,
    /// <summary>社区工作者持社会工作者职业资格证书的比例（持证人数 / 社区工作者总数）.</summary>
    CertifiedWorkerShare,
    /// <summary>街镇社会工作服务站面积（平方米）.</summary>
    StationFloorArea,
    /// <summary>服务站工作人员数.</summary>
    StationStaff,
    /// <summary>服务站年度运营经费，分.</summary>
    StationAnnualFunding,
}

public enum Comparator
{
    /// <summary>不少于.</summary>
    AtLeast,
    /// <summary>必须具备.</summary>
    IsTrue,
    /// <summary>仅统计，不设下限.</summary>
    TrackOnly,
    /// <summary>超过 (&gt;): e.g. 三（六） for district sites — "应撬动一定数额", some money, no floor.</summary>
    MoreThan,
    /// <summary>不超过 (≤): e.g. a service contract "最长不超过3年".</summary>
    AtMost,
    /// <summary>少于 (&lt;).</summary>
    LessThan,
    /// <summary>等于 (=).</summary>
    EqualTo,
}

public enum MeasureUnit { Count, Ratio, Fen, Flag, SquareMetre }

/// <summary>From <see cref="FromYear"/> on (the as-of date's calendar year), the rule's number is <see cref="Threshold"/>.</summary>
public sealed record YearThreshold(int FromYear, decimal Threshold);

/// <summary>
/// Whether a requirement is checked for a whole site, for each covered community, or over all sites of a district or of
/// the whole campaign (区/市 aggregate targets such as coverage, averages per community, totals).
/// </summary>
public enum StandardScope { Site, Community, District, City }

/// <summary>How a district or city target combines its sites' facts.</summary>
public enum Aggregation
{
    /// <summary>合计: the total over the sites (a yes/no counts the sites that have it, e.g. 社区基金不少于200个).</summary>
    Sum,
    /// <summary>平均每个社区: the total over the covered communities divided by their number.</summary>
    MeanPerCommunity,
    /// <summary>平均每个创建点.</summary>
    MeanPerSite,
    /// <summary>合计比例: the numerators' total over the denominators' total (e.g. 注册志愿者占常住人口 22%).</summary>
    Pooled,
    /// <summary>覆盖率: the share of communities whose own figure reaches <see cref="StandardRequirement.CoverageFloor"/>.</summary>
    Coverage,
}

/// <summary>Over the whole creation period, or again for each calendar year.</summary>
public enum RequirementPeriod
{
    /// <summary>创建期内.</summary>
    CreationPeriod,
    /// <summary>每个自然年.</summary>
    CalendarYear,
    /// <summary>每个筹款年度, as the campaign counts it (<see cref="FundraisingYearBasis"/>).</summary>
    FundraisingYear,
}
