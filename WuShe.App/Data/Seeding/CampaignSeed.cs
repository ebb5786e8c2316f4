namespace WuShe.App.Data.Seeding;

/// <summary>One campaign as read from a seed-data folder, before it becomes domain objects.</summary>
public sealed record CampaignSeed(
    string Folder,
    CampaignFile Campaign,
    IReadOnlyList<DistrictRow> Districts,
    IReadOnlyList<JointSiteRow> JointSites);

public sealed class CampaignFile
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string DocumentNumber { get; set; } = "";
    public string Issuer { get; set; } = "";
    public string Region { get; set; } = "";
    public TargetsFile Targets { get; set; } = new();
    public string DistrictsFile { get; set; } = "districts.csv";
    public string JointSitesFile { get; set; } = "joint-sites.csv";
    public int ReportingPeriodMonths { get; set; } = 1;
    public DateOnly? ReportingStartsOn { get; set; }
    /// <summary>Required: the campaign's own dates and lead times (the notice leaves them open).</summary>
    public ScheduleFile? Schedule { get; set; }
    /// <summary>Required: the notice's clauses for tracking, evaluation, acceptance and 通报 ("clause：words").</summary>
    public NoticeFile? Notice { get; set; }
    /// <summary>Required: 申报条件 (minimum communities and social workers, 公募 requirement, service areas, example texts).</summary>
    public ApplicationFile? Application { get; set; }
    /// <summary>Required: the evaluation rubric (评估指标体系).</summary>
    public RubricFile? Rubric { get; set; }
    /// <summary>Required: what 三（六）'s "每年" counts over, and why.</summary>
    public FundraisingYearFile? FundraisingYear { get; set; }
    /// <summary>Optional: 服务合同规则 (term, whole service period, renew only after passing), where the document sets them.</summary>
    public ContractsFile? Contracts { get; set; }
    public List<MilestoneFile> Milestones { get; set; } = new();
    public List<StandardFile> Standards { get; set; } = new();
}

/// <summary>The notice's clauses as written in campaign.json; every field is required.</summary>
public sealed class NoticeFile
{
    public string? Tracking { get; set; }
    public string? Evaluation { get; set; }
    public string? Acceptance { get; set; }
    public string? Commendation { get; set; }

    public IEnumerable<string> Missing() => new[] { (Tracking, "tracking"), (Evaluation, "evaluation"), (Acceptance, "acceptance"), (Commendation, "commendation") }
        .Where(f => string.IsNullOrWhiteSpace(f.Item1)).Select(f => f.Item2);

    public WuShe.Domain.Campaigns.NoticeClauses ToClauses() => new(Tracking!.Trim(), Evaluation!.Trim(), Acceptance!.Trim(), Commendation!.Trim());
}

/// <summary>申报条件 as written in campaign.json; every field is required.</summary>
public sealed class ApplicationFile
{
    public int? MinimumCommunities { get; set; }
    public string? CommunitiesClause { get; set; }
    public int? MinimumSocialWorkers { get; set; }
    public string? SocialWorkersClause { get; set; }
    public bool? FundCharityNeedsPublicFundraising { get; set; }
    public string? FundClause { get; set; }
    /// <summary>Chinese names of the areas, e.g. "养老服务" (see <see cref="WuShe.Domain.Sites.ServiceAreaLabels"/>).</summary>
    public List<string>? ServiceAreas { get; set; }
    public string? ServiceAreasClause { get; set; }
    public string? CharityExample { get; set; }
    public string? PhoneExample { get; set; }

    /// <summary>Each field missing from the file, by its JSON name.</summary>
    public IEnumerable<string> Missing() => new (object?, string)[]
    {
        (MinimumCommunities, "minimumCommunities"), (CommunitiesClause, "communitiesClause"), (MinimumSocialWorkers, "minimumSocialWorkers"),
        (SocialWorkersClause, "socialWorkersClause"), (FundCharityNeedsPublicFundraising, "fundCharityNeedsPublicFundraising"),
        (FundClause, "fundClause"), (ServiceAreas, "serviceAreas"), (ServiceAreasClause, "serviceAreasClause"),
        (CharityExample, "charityExample"), (PhoneExample, "phoneExample"),
    }.Where(f => f.Item1 is null).Select(f => f.Item2);

    /// <summary>Service area names not among the known ones.</summary>
    public IEnumerable<string> UnknownServiceAreas() =>
        (ServiceAreas ?? new()).Where(n => WuShe.Domain.Sites.ServiceAreaLabels.All.All(a => a.Label != n || a.Area == WuShe.Domain.Sites.ServiceArea.Other));

    /// <summary>The rules, once <see cref="Missing"/> and <see cref="UnknownServiceAreas"/> are empty.</summary>
    public WuShe.Domain.Campaigns.ApplicationRules ToRules() => new(MinimumCommunities!.Value, CommunitiesClause!, MinimumSocialWorkers!.Value,
        SocialWorkersClause!, FundCharityNeedsPublicFundraising!.Value, FundClause!,
        ServiceAreas!.Aggregate(WuShe.Domain.Sites.ServiceArea.None, (all, n) => all | WuShe.Domain.Sites.ServiceAreaLabels.All.Single(a => a.Label == n).Area),
        ServiceAreasClause!, CharityExample!, PhoneExample!);
}

/// <summary>评估指标体系 as written in campaign.json.</summary>
public sealed class RubricFile
{
    public List<RubricDimensionFile>? Dimensions { get; set; }
    public decimal? PassMark { get; set; }
    public List<GradeBandFile>? Bands { get; set; }
    /// <summary>true when the notice gives no weights and the rubric is the system's (Tianjin: 五（三） names areas only).</summary>
    public bool SystemSetting { get; set; }
    /// <summary>Why the rubric is what it is, for the reader of the file.</summary>
    public string Note { get; set; } = "";

    public IEnumerable<string> Missing() => new (object?, string)[] { (Dimensions, "dimensions"), (PassMark, "passMark"), (Bands, "bands") }
        .Where(f => f.Item1 is null).Select(f => f.Item2);

    public WuShe.Domain.Evaluations.Rubric ToRubric() => new(
        Dimensions!.Select(d => new WuShe.Domain.Evaluations.RubricDimension(d.Name, d.Items.Select(i => new WuShe.Domain.Evaluations.RubricItem(i.Key, i.Name, i.MaxPoints)).ToList())).ToList(),
        PassMark!.Value, Bands!.Select(b => new WuShe.Domain.Evaluations.GradeBand(b.Name, b.MinScore)).ToList(), SystemSetting);
}

public sealed class RubricDimensionFile
{
    public string Name { get; set; } = "";
    public List<RubricItemFile> Items { get; set; } = new();
}

public sealed class RubricItemFile
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public decimal MaxPoints { get; set; }
}

public sealed class GradeBandFile
{
    public string Name { get; set; } = "";
    public decimal MinScore { get; set; }
}

/// <summary>筹款年度: "自然年" or "项目年度", with the reason for the choice (系统设定).</summary>
public sealed class FundraisingYearFile
{
    public string? Basis { get; set; }
    public string? Reason { get; set; }

    public static readonly IReadOnlyDictionary<string, WuShe.Domain.Campaigns.FundraisingYearBasis> Bases =
        new Dictionary<string, WuShe.Domain.Campaigns.FundraisingYearBasis>
        {
            ["自然年"] = WuShe.Domain.Campaigns.FundraisingYearBasis.CalendarYear,
            ["项目年度"] = WuShe.Domain.Campaigns.FundraisingYearBasis.ProjectYear,
        };
}

/// <summary>服务合同规则 as written in campaign.json; every field is required when the section is there.</summary>
public sealed class ContractsFile
{
    public int? TermMonths { get; set; }
    public int? MaxTotalMonths { get; set; }
    public bool? RenewOnlyAfterPassing { get; set; }
    public string? Clause { get; set; }

    public IEnumerable<string> Missing() => new (object?, string)[]
        { (TermMonths, "termMonths"), (MaxTotalMonths, "maxTotalMonths"), (RenewOnlyAfterPassing, "renewOnlyAfterPassing"), (Clause, "clause") }
        .Where(f => f.Item1 is null).Select(f => f.Item2);

    public WuShe.Domain.Contracts.ContractRules ToRules() => new(TermMonths!.Value, MaxTotalMonths!.Value, RenewOnlyAfterPassing!.Value, Clause!.Trim());
}

/// <summary>Dates and lead times of a campaign, all 系统设定; every field is required.</summary>
public sealed class ScheduleFile
{
    public DateOnly? MidTermEvaluationDue { get; set; }
    public DateOnly? FinalEvaluationDue { get; set; }
    public int? AlertLeadDays { get; set; }
    public int? ReportDueDays { get; set; }
}

public sealed class TargetsFile
{
    public int Streets { get; set; }
    public int Communities { get; set; }
    public int JointStreets { get; set; }
    public int JointCommunities { get; set; }
    public string Clause { get; set; } = "";
}

public sealed class MilestoneFile
{
    public DateOnly DueDate { get; set; }
    public decimal RequiredCompletionShare { get; set; }
    public string Description { get; set; } = "";
    public string Clause { get; set; } = "";
}

public sealed class StandardFile
{
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public string Clause { get; set; } = "";
    public string Summary { get; set; } = "";
    public List<RequirementFile> Requirements { get; set; } = new();
}

public sealed class RequirementFile
{
    public string Metric { get; set; } = "";
    public string Comparator { get; set; } = "";
    public decimal Threshold { get; set; }
    public string Unit { get; set; } = "";
    public string Scope { get; set; } = "";
    public string Period { get; set; } = "";
    /// <summary>"AllSites", "DistrictLevel" or { "jointSites": [from, to] }.</summary>
    public System.Text.Json.JsonElement AppliesTo { get; set; }
    public string Description { get; set; } = "";
    public string ClauseText { get; set; } = "";
    /// <summary>true when the notice states no number for this requirement: the threshold is shown as 系统设定.</summary>
    public bool SystemSetting { get; set; }
    /// <summary>For a rule per community: "UrbanCommunity" (城市社区) or "Village" (农村社区); absent for every community.</summary>
    public string? ForCommunities { get; set; }
    /// <summary>For a District or City target: "Sum", "MeanPerCommunity", "MeanPerSite", "Pooled" or "Coverage".</summary>
    public string? Aggregation { get; set; }
    /// <summary>For Coverage: what a community must reach to count as covered, in the metric's unit.</summary>
    public decimal? CoverageFloor { get; set; }
    /// <summary>Numbers that rise with the years: { "2025": 5 } — from 2025 on the rule's number is 5.</summary>
    public Dictionary<int, decimal>? ThresholdsByYear { get; set; }
}

/// <summary>附件1 row.</summary>
public sealed class DistrictRow
{
    /// <summary>The columns of districts.csv and of the editor's quota workbook, in order.</summary>
    public static readonly string[] Columns = ["区划代码", "区划", "试点街镇数", "试点社区数"];

    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public int StreetQuota { get; set; }
    public int CommunityQuota { get; set; }
}

/// <summary>附件2 row; communities separated by "、".</summary>
public sealed class JointSiteRow
{
    public int Number { get; set; }
    public string District { get; set; } = "";
    public string Street { get; set; } = "";
    public string CommunitiesText { get; set; } = "";

    public IReadOnlyList<string> Communities =>
        CommunitiesText.Split(new[] { '、', '，', ',' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
