using WuShe.Domain.Sites;
using System.Text.Json;

namespace WuShe.App.Data.Seeding;

/// <summary>Reads and cross-checks the seed-data folders; a clerk's mistake stops start-up with a message that names it.</summary>
public static class CampaignSeedReader
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // A misspelt or unknown field is refused, never silently ignored (a rule that looked set would not be).
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static IReadOnlyList<CampaignSeed> ReadAll(string seedDataPath)
    {
        if (!Directory.Exists(seedDataPath))
            throw new SeedDataException($"找不到种子数据文件夹：{seedDataPath}");
        return Directory.GetDirectories(seedDataPath)
            .Where(d => File.Exists(Path.Combine(d, "campaign.json")))
            .OrderBy(d => d, StringComparer.Ordinal)
            .Select(Read)
            .ToList();
    }

    public static CampaignSeed Read(string folder)
    {
        var campaignPath = Path.Combine(folder, "campaign.json");
        var campaign = ParseCampaign(campaignPath, File.Exists(campaignPath) ? File.ReadAllText(campaignPath) : throw new SeedDataException($"找不到文件：{campaignPath}"));
        var districts = ReadDistricts(CsvTable.Read(Path.Combine(folder, campaign.DistrictsFile)));
        var jointSites = ReadJointSites(CsvTable.Read(Path.Combine(folder, campaign.JointSitesFile)));
        var seed = new CampaignSeed(folder, campaign, districts, jointSites);
        Check(seed);
        return seed;
    }

    /// <summary>A campaign from its three files' text (an upload or the editor), checked exactly like a seed folder.</summary>
    public static CampaignSeed Parse(string name, string campaignJson, string districtsCsv, string jointSitesCsv)
    {
        var campaign = ParseCampaign("campaign.json", campaignJson);
        var seed = new CampaignSeed(name, campaign,
            ReadDistricts(CsvTable.FromText(campaign.DistrictsFile, districtsCsv)),
            ReadJointSites(CsvTable.FromText(campaign.JointSitesFile, jointSitesCsv)));
        Check(seed);
        return seed;
    }

    public static CampaignFile ParseCampaign(string file, string json)
    {
        try
        {
            return JsonSerializer.Deserialize<CampaignFile>(json, Json) ?? throw new SeedDataException($"{file} 为空。");
        }
        catch (JsonException e)
        {
            throw new SeedDataException($"{file} 第 {e.LineNumber + 1} 行 {e.Path}：{JsonProblem(e)}");
        }
    }

    /// <summary>System.Text.Json's English reason, said in Chinese: an unknown field, a value of the wrong type, broken JSON.</summary>
    private static string JsonProblem(JsonException e)
    {
        var unknown = System.Text.RegularExpressions.Regex.Match(e.Message, "property '([^']+)' could not be mapped");
        if (unknown.Success) return $"未知字段“{unknown.Groups[1].Value}”（请检查拼写；本系统不认识的字段不会被忽略）";
        if (e.Message.Contains("could not be converted")) return "值的类型不对（例如应为数字却写成了文字，或应为日期 yyyy-MM-dd）";
        return "不是有效的 JSON（请检查引号、逗号和括号）";
    }

    private static List<DistrictRow> ReadDistricts(CsvTable table) => table.Rows(r => new DistrictRow
    {
        Code = r.Text("区划代码"),
        Name = r.Text("区划"),
        StreetQuota = r.Number("试点街镇数"),
        CommunityQuota = r.Number("试点社区数"),
    }).ToList();

    private static List<JointSiteRow> ReadJointSites(CsvTable table) => table.Rows(r => new JointSiteRow
    {
        Number = r.Number("序号"),
        District = r.Text("区划"),
        Street = r.Text("试点街镇"),
        CommunitiesText = r.Text("试点社区"),
    }).ToList();

    /// <summary>
    /// Whether a rule can be measured as written: each name among the known ones (listed when not), and the metric's unit,
    /// scope, comparator, threshold and period consistent (<see cref="WuShe.Domain.Campaigns.MetricCatalogue"/>).
    /// </summary>
    private static IEnumerable<(string Field, string Message)> RequirementProblems(RequirementFile r)
    {
        var metric = Known<WuShe.Domain.Campaigns.StandardMetric>(r.Metric, "metric", out var m);
        var comparator = Known<WuShe.Domain.Campaigns.Comparator>(r.Comparator, "comparator", out var c);
        var unit = Known<WuShe.Domain.Campaigns.MeasureUnit>(r.Unit, "unit", out var u);
        var scope = Known<WuShe.Domain.Campaigns.StandardScope>(r.Scope, "scope", out var sc);
        var period = Known<WuShe.Domain.Campaigns.RequirementPeriod>(r.Period, "period", out var p);
        WuShe.Domain.Campaigns.Aggregation parsed = default;
        var aggregationName = r.Aggregation is null ? null : Known(r.Aggregation, "aggregation", out parsed);
        WuShe.Domain.Campaigns.Aggregation? aggregation = r.Aggregation is null || aggregationName is not null ? null : parsed;
        CommunityKind kind = default;
        var kindName = r.ForCommunities is null ? null : Known(r.ForCommunities, "forCommunities", out kind);
        CommunityKind? forCommunities = r.ForCommunities is null || kindName is not null ? null : kind;
        var names = new[] { metric, comparator, unit, scope, period, aggregationName, kindName }.OfType<(string, string)>().ToList();
        foreach (var problem in names) yield return problem;
        if (names.Count == 0)
        {
            foreach (var problem in WuShe.Domain.Campaigns.MetricCatalogue.Problems(m, c, r.Threshold, u, sc, p, aggregation, r.CoverageFloor, forCommunities))
                yield return problem;
            foreach (var problem in WuShe.Domain.Campaigns.MetricCatalogue.YearProblems(m, c, u, sc, p, aggregation, r.CoverageFloor,
                         (r.ThresholdsByYear ?? []).Select(t => new WuShe.Domain.Campaigns.YearThreshold(t.Key, t.Value))))
                yield return problem;
        }
        if (CampaignSeeder.SelectorProblem(r.AppliesTo) is { } selector) yield return ("appliesTo", selector);
        if (string.IsNullOrWhiteSpace(r.Description)) yield return ("description", "缺少要求的说明");
        if (string.IsNullOrWhiteSpace(r.ClauseText)) yield return ("clauseText", "缺少通知原文（这条要求出自哪句话）");
    }

    private static (string Field, string Message)? Known<T>(string value, string field, out T parsed) where T : struct, Enum =>
        Enum.TryParse(value, ignoreCase: false, out parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _)
            ? null
            : (field, string.IsNullOrWhiteSpace(value) ? $"缺少 {field}，可选：{string.Join("、", Enum.GetNames<T>())}"
                : $"“{value}”不是可用的 {field}，可选：{string.Join("、", Enum.GetNames<T>())}");

    /// <summary>An application minimum must be the same number as the standard that states it (one number, one place to read it).</summary>
    private static IEnumerable<string> SameAsStandard(CampaignFile c, string metric, int minimum, string field) =>
        c.Standards.SelectMany(s => s.Requirements.Select(r => (s, r)))
            .Where(x => x.r.Metric == metric && x.r.Threshold != minimum)
            .Select(x => $"campaign.json 的 application.{field} 为 {minimum}，与创建标准第 {x.s.Number} 条 {metric} 的 {x.r.Threshold:0} 不一致");

    /// <summary>The files must agree with each other and with the notice's stated totals.</summary>
    public static void Check(CampaignSeed seed)
    {
        var problems = Problems(seed);
        if (problems.Count > 0)
            throw new SeedDataException($"种子数据 {Path.GetFileName(seed.Folder)} 有误：" + string.Join("；", problems) + "。");
    }

    /// <summary>Everything wrong with a campaign's files, each naming its file and place; empty when it can be loaded.</summary>
    public static IReadOnlyList<string> Problems(CampaignSeed seed)
    {
        var c = seed.Campaign;
        var problems = new List<string>();
        if (c.Schedule is not { } schedule)
            problems.Add("campaign.json 缺少 schedule（midTermEvaluationDue、finalEvaluationDue、alertLeadDays、reportDueDays：通知未规定，须由本活动设定）");
        else
            foreach (var (value, field) in new (object?, string)[] { (schedule.MidTermEvaluationDue, "midTermEvaluationDue"), (schedule.FinalEvaluationDue, "finalEvaluationDue"),
                         (schedule.AlertLeadDays, "alertLeadDays"), (schedule.ReportDueDays, "reportDueDays") })
                if (value is null) problems.Add($"campaign.json 的 schedule 缺少字段 {field}");
        if (c.Notice is not { } notice)
            problems.Add("campaign.json 缺少 notice（通知条款：tracking、evaluation、acceptance、commendation，写作“条款：原文”）");
        else
            problems.AddRange(notice.Missing().Select(f => $"campaign.json 的 notice 缺少字段 {f}"));
        if (c.Application is not { } application)
            problems.Add("campaign.json 缺少 application（申报条件：minimumCommunities、minimumSocialWorkers、fundCharityNeedsPublicFundraising、serviceAreas 及其条款，charityExample、phoneExample）");
        else
        {
            problems.AddRange(application.Missing().Select(f => $"campaign.json 的 application 缺少字段 {f}"));
            problems.AddRange(application.UnknownServiceAreas().Select(n =>
                $"campaign.json 的 application.serviceAreas 中“{n}”不是可用的服务领域（可用：{string.Join("、", ServiceAreaLabels.All.Where(a => a.Area != ServiceArea.Other).Select(a => a.Label))}）"));
            if (!application.Missing().Any() && !application.UnknownServiceAreas().Any())
            {
                var rules = application.ToRules();
                problems.AddRange(rules.Validate().Select(e => $"campaign.json 的 application.{e.Field}：{e.Message}"));
                problems.AddRange(SameAsStandard(c, "CoveredCommunities", rules.MinimumCommunities, "minimumCommunities"));
                problems.AddRange(SameAsStandard(c, "FullTimeSocialWorkers", rules.MinimumSocialWorkers, "minimumSocialWorkers"));
            }
        }
        if (c.Contracts is { } contracts)
        {
            problems.AddRange(contracts.Missing().Select(f => $"campaign.json 的 contracts 缺少字段 {f}"));
            if (!contracts.Missing().Any())
                problems.AddRange(contracts.ToRules().Validate().Select(e => $"campaign.json 的 contracts.{e.Field}：{e.Message}"));
        }
        if (c.Rubric is not { } rubric)
            problems.Add("campaign.json 缺少 rubric（评估指标体系：dimensions、passMark、bands；通知未给权重时标 systemSetting）");
        else
        {
            problems.AddRange(rubric.Missing().Select(f => $"campaign.json 的 rubric 缺少字段 {f}"));
            if (!rubric.Missing().Any())
                problems.AddRange(rubric.ToRubric().Validate().Select(e => $"campaign.json 的 rubric：{e.Message}"));
        }
        for (var i = 0; i < c.Standards.Count; i++)
            for (var j = 0; j < c.Standards[i].Requirements.Count; j++)
                problems.AddRange(RequirementProblems(c.Standards[i].Requirements[j]).Select(p => $"campaign.json 的 $.standards[{i}].requirements[{j}].{p.Field}：{p.Message}"));
        if (c.FundraisingYear is not { } fy)
            problems.Add("campaign.json 缺少 fundraisingYear（basis：“自然年”或“项目年度”；reason：选择理由。通知未规定“每年”的口径，须由本活动设定）");
        else
        {
            if (fy.Basis is null || !FundraisingYearFile.Bases.ContainsKey(fy.Basis))
                problems.Add($"campaign.json 的 fundraisingYear.basis 应为“自然年”或“项目年度”，实际为“{fy.Basis}”");
            if (string.IsNullOrWhiteSpace(fy.Reason)) problems.Add("campaign.json 的 fundraisingYear 缺少字段 reason");
        }
        int streets = seed.Districts.Sum(d => d.StreetQuota), communities = seed.Districts.Sum(d => d.CommunityQuota);
        if (streets != c.Targets.Streets)
            problems.Add($"各区试点街镇数合计 {streets}，与任务目标 {c.Targets.Streets} 不一致");
        if (communities != c.Targets.Communities)
            problems.Add($"各区试点社区数合计 {communities}，与任务目标 {c.Targets.Communities} 不一致");
        if (seed.JointSites.Count != c.Targets.JointStreets)
            problems.Add($"市区联合创建点 {seed.JointSites.Count} 个，与任务目标 {c.Targets.JointStreets} 不一致");
        var jointCommunities = seed.JointSites.Sum(j => j.Communities.Count);
        if (jointCommunities != c.Targets.JointCommunities)
            problems.Add($"市区联合创建点社区合计 {jointCommunities} 个，与任务目标 {c.Targets.JointCommunities} 不一致");
        foreach (var dup in seed.Districts.GroupBy(d => d.Code).Where(g => g.Count() > 1))
            problems.Add($"区划代码 {dup.Key} 重复");
        for (var i = 0; i < seed.Districts.Count; i++)
            if (WuShe.Domain.Campaigns.DistrictCode.Problem(seed.Districts[i].Code) is { } bad)
                problems.Add($"{c.DistrictsFile} 第 {i + 2} 行 区划代码：{bad}");
        var numbers = seed.JointSites.Select(j => j.Number).OrderBy(n => n).ToList();
        if (!numbers.SequenceEqual(Enumerable.Range(1, numbers.Count)))
            problems.Add($"市区联合创建点序号应为 1—{numbers.Count} 且不重复，实际为 {string.Join("、", numbers)}");
        foreach (var j in seed.JointSites.Where(j => seed.Districts.All(d => d.Name != j.District)))
            problems.Add($"市区联合创建点 {j.Number}（{j.Street}）的区划“{j.District}”不在区划名额表中");
        return problems;
    }
}

public class SeedDataException : Exception
{
    public SeedDataException(string message) : base(message) { }
}
