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
    /// <summary>Required: what 三（六）'s "每年" counts over, and why.</summary>
    public FundraisingYearFile? FundraisingYear { get; set; }
    public List<MilestoneFile> Milestones { get; set; } = new();
    public List<StandardFile> Standards { get; set; } = new();
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
}

/// <summary>附件1 row.</summary>
public sealed class DistrictRow
{
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
