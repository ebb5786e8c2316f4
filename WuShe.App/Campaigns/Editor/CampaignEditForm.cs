using System.Text.Json;
using System.Text.Json.Nodes;
using WuShe.App.Data.Seeding;
using WuShe.App.Excel;
using WuShe.App.Progress;
using WuShe.Domain.Common;

namespace WuShe.App.Campaigns.Editor;

/// <summary>
/// The campaign editor's form: the basics and dates as fields, districts and joint sites as rows, and the standards,
/// milestones, rubric, clauses and 申报条件 as campaign.json text (the same format as seed-data, checked the same way).
/// </summary>
public sealed class CampaignEditForm
{
    /// <summary>The parts of campaign.json edited as text; the rest are the form's own fields.</summary>
    public static readonly string[] RuleSections = ["notice", "application", "rubric", "fundraisingYear", "contracts", "milestones", "standards"];

    /// <summary>The rules text's ceiling (系统设定): several times a province's campaign.json.</summary>
    public const int MaxRulesLength = 200_000;

    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string DocumentNumber { get; set; } = "";
    public string Issuer { get; set; } = "";
    public string Region { get; set; } = "";
    public int TargetStreets { get; set; }
    public int TargetCommunities { get; set; }
    public int TargetJointStreets { get; set; }
    public int TargetJointCommunities { get; set; }
    public string TargetsClause { get; set; } = "";
    public int ReportingPeriodMonths { get; set; } = 1;
    public DateOnly? ReportingStartsOn { get; set; }
    public DateOnly? MidTermEvaluationDue { get; set; }
    public DateOnly? FinalEvaluationDue { get; set; }
    public int AlertLeadDays { get; set; }
    public int ReportDueDays { get; set; }
    public List<DistrictRow> Districts { get; set; } = [];
    public List<JointSiteRow> JointSites { get; set; } = [];
    public string RulesJson { get; set; } = "";
    public string Reason { get; set; } = "";

    public static CampaignEditForm From(CampaignSeed seed)
    {
        var c = seed.Campaign;
        var json = JsonNode.Parse(CampaignFiles.CampaignJson(c))!.AsObject();
        var rules = new JsonObject();
        foreach (var key in RuleSections)
            if (json[key] is { } node) rules[key] = node.DeepClone();
        return new CampaignEditForm
        {
            Code = c.Code, Name = c.Name, DocumentNumber = c.DocumentNumber, Issuer = c.Issuer, Region = c.Region,
            TargetStreets = c.Targets.Streets, TargetCommunities = c.Targets.Communities,
            TargetJointStreets = c.Targets.JointStreets, TargetJointCommunities = c.Targets.JointCommunities, TargetsClause = c.Targets.Clause,
            ReportingPeriodMonths = c.ReportingPeriodMonths, ReportingStartsOn = c.ReportingStartsOn,
            MidTermEvaluationDue = c.Schedule?.MidTermEvaluationDue, FinalEvaluationDue = c.Schedule?.FinalEvaluationDue,
            AlertLeadDays = c.Schedule?.AlertLeadDays ?? 30, ReportDueDays = c.Schedule?.ReportDueDays ?? 10,
            Districts = seed.Districts.Select(d => new DistrictRow { Code = d.Code, Name = d.Name, StreetQuota = d.StreetQuota, CommunityQuota = d.CommunityQuota }).ToList(),
            JointSites = seed.JointSites.Select(j => new JointSiteRow { Number = j.Number, District = j.District, Street = j.Street, CommunitiesText = j.CommunitiesText }).ToList(),
            RulesJson = CampaignFiles.Indented(rules),
        };
    }

    /// <summary>The definition as files would give it; the rules text refused at its line, or an unknown section, by name.</summary>
    public CampaignSeed ToSeed()
    {
        if (RulesJson.Length > MaxRulesLength)
            throw new FieldValidationException([new FieldError(nameof(RulesJson), $"内容超过 {MaxRulesLength:N0} 个字符（系统设定），请检查是否粘贴了其他内容。")]);
        JsonObject rules;
        try
        {
            rules = JsonNode.Parse(RulesJson, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }) as JsonObject
                ?? throw new FieldValidationException([new FieldError(nameof(RulesJson), "应为一个 JSON 对象 { … }。")]);
        }
        catch (JsonException e)
        {
            throw new FieldValidationException([new FieldError(nameof(RulesJson), $"第 {e.LineNumber + 1} 行不是有效的 JSON（请检查引号、逗号和括号）。")]);
        }
        if (rules.Select(p => p.Key).FirstOrDefault(k => !RuleSections.Contains(k)) is { } extra)
            throw new FieldValidationException([new FieldError(nameof(RulesJson), $"未知部分“{extra}”：此处只写 {string.Join("、", RuleSections)}，其余在上方表单中填写。")]);
        var file = new JsonObject
        {
            ["code"] = Code, ["name"] = Name.Trim(), ["documentNumber"] = DocumentNumber.Trim(), ["issuer"] = Issuer.Trim(), ["region"] = Region.Trim(),
            ["targets"] = new JsonObject
            {
                ["streets"] = TargetStreets, ["communities"] = TargetCommunities, ["jointStreets"] = TargetJointStreets,
                ["jointCommunities"] = TargetJointCommunities, ["clause"] = TargetsClause.Trim(),
            },
            ["reportingPeriodMonths"] = ReportingPeriodMonths,
            ["reportingStartsOn"] = ReportingStartsOn?.ToString("yyyy-MM-dd"),
            ["schedule"] = new JsonObject
            {
                ["midTermEvaluationDue"] = MidTermEvaluationDue?.ToString("yyyy-MM-dd"), ["finalEvaluationDue"] = FinalEvaluationDue?.ToString("yyyy-MM-dd"),
                ["alertLeadDays"] = AlertLeadDays, ["reportDueDays"] = ReportDueDays,
            },
        };
        foreach (var (key, node) in rules) file[key] = node?.DeepClone();
        CampaignFile campaign;
        try
        {
            campaign = CampaignSeedReader.ParseCampaign("标准、节点与指标", file.ToJsonString());
        }
        catch (SeedDataException e)
        {
            throw new FieldValidationException([new FieldError(nameof(RulesJson), e.Message)]);
        }
        return new CampaignSeed("活动设置", campaign,
            Districts.Select(d => new DistrictRow { Code = d.Code.Trim(), Name = d.Name.Trim(), StreetQuota = d.StreetQuota, CommunityQuota = d.CommunityQuota }).ToList(),
            JointSites.Select(j => new JointSiteRow { Number = j.Number, District = j.District.Trim(), Street = j.Street.Trim(), CommunitiesText = j.CommunitiesText.Trim() }).ToList());
    }

    /// <summary>区划名额 from a workbook (columns 区划代码, 区划, 试点街镇数, 试点社区数): all rows, or every wrong cell.</summary>
    public static (List<DistrictRow> Rows, List<ImportError> Errors) QuotasFrom(Stream workbook)
    {
        var errors = new List<ImportError>();
        IReadOnlyDictionary<string, XlsxTable> sheets;
        try { sheets = Xlsx.Read(workbook); }
        catch (XlsxRefusedException e) { return ([], [new ImportError(e.Sheet, e.Row, e.Message)]); }
        var table = sheets.Values.FirstOrDefault();
        if (table is null || DistrictRow.Columns.Any(h => !table.Headers.Contains(h)))
            return ([], [new ImportError(table?.Name ?? "", 1, $"第一个工作表应有列：{string.Join("、", DistrictRow.Columns)}。")]);
        var rows = new List<DistrictRow>();
        foreach (var row in table.Rows)
        {
            int Number(string column)
            {
                if (int.TryParse(row[column], out var n) && n >= 0) return n;
                errors.Add(new ImportError(table.Name, row.Number, $"“{column}”应为不小于 0 的整数，实际为“{row[column]}”。"));
                return 0;
            }
            if (string.IsNullOrWhiteSpace(row["区划代码"]) && string.IsNullOrWhiteSpace(row["区划"])) continue;
            if (WuShe.Domain.Campaigns.DistrictCode.Problem(row["区划代码"]) is { } bad) errors.Add(new ImportError(table.Name, row.Number, $"区划代码：{bad}。"));
            if (string.IsNullOrWhiteSpace(row["区划"])) errors.Add(new ImportError(table.Name, row.Number, "缺少区划名称。"));
            rows.Add(new DistrictRow { Code = row["区划代码"], Name = row["区划"], StreetQuota = Number("试点街镇数"), CommunityQuota = Number("试点社区数") });
        }
        foreach (var dup in rows.GroupBy(r => r.Code).Where(g => g.Count() > 1))
            errors.Add(new ImportError(table.Name, 0, $"区划代码 {dup.Key} 重复。"));
        if (rows.Count == 0 && errors.Count == 0) errors.Add(new ImportError(table.Name, 0, "工作表中没有区划。"));
        return errors.Count > 0 ? ([], errors) : (rows, errors);
    }
}
