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
        CampaignFile campaign;
        try
        {
            campaign = JsonSerializer.Deserialize<CampaignFile>(File.ReadAllText(campaignPath), Json)
                ?? throw new SeedDataException($"{campaignPath} 为空。");
        }
        catch (JsonException e)
        {
            throw new SeedDataException($"{campaignPath} 格式错误（第 {e.LineNumber + 1} 行）：{e.Message}");
        }
        var districts = ReadDistricts(Path.Combine(folder, campaign.DistrictsFile));
        var jointSites = ReadJointSites(Path.Combine(folder, campaign.JointSitesFile));
        var seed = new CampaignSeed(folder, campaign, districts, jointSites);
        Check(seed);
        return seed;
    }

    private static List<DistrictRow> ReadDistricts(string path) => CsvTable.Read(path).Rows(r => new DistrictRow
    {
        Code = r.Text("区划代码"),
        Name = r.Text("区划"),
        StreetQuota = r.Number("试点街镇数"),
        CommunityQuota = r.Number("试点社区数"),
    }).ToList();

    private static List<JointSiteRow> ReadJointSites(string path) => CsvTable.Read(path).Rows(r => new JointSiteRow
    {
        Number = r.Number("序号"),
        District = r.Text("区划"),
        Street = r.Text("试点街镇"),
        CommunitiesText = r.Text("试点社区"),
    }).ToList();

    /// <summary>An application minimum must be the same number as the standard that states it (one number, one place to read it).</summary>
    private static IEnumerable<string> SameAsStandard(CampaignFile c, string metric, int minimum, string field) =>
        c.Standards.SelectMany(s => s.Requirements.Select(r => (s, r)))
            .Where(x => x.r.Metric == metric && x.r.Threshold != minimum)
            .Select(x => $"campaign.json 的 application.{field} 为 {minimum}，与创建标准第 {x.s.Number} 条 {metric} 的 {x.r.Threshold:0} 不一致");

    /// <summary>The files must agree with each other and with the notice's stated totals.</summary>
    private static void Check(CampaignSeed seed)
    {
        var c = seed.Campaign;
        var name = Path.GetFileName(seed.Folder);
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
        if (c.Rubric is not { } rubric)
            problems.Add("campaign.json 缺少 rubric（评估指标体系：dimensions、passMark、bands；通知未给权重时标 systemSetting）");
        else
        {
            problems.AddRange(rubric.Missing().Select(f => $"campaign.json 的 rubric 缺少字段 {f}"));
            if (!rubric.Missing().Any())
                problems.AddRange(rubric.ToRubric().Validate().Select(e => $"campaign.json 的 rubric：{e.Message}"));
        }
        foreach (var s in c.Standards)
            foreach (var r in s.Requirements.Where(r => r.Metric == "CharityFundsRaised" && r.Period != "FundraisingYear"))
                problems.Add($"创建标准第 {s.Number} 条 CharityFundsRaised 的 period 应为 FundraisingYear（按本活动的筹款年度计），实际为 {r.Period}");
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
        var numbers = seed.JointSites.Select(j => j.Number).OrderBy(n => n).ToList();
        if (!numbers.SequenceEqual(Enumerable.Range(1, numbers.Count)))
            problems.Add($"市区联合创建点序号应为 1—{numbers.Count} 且不重复，实际为 {string.Join("、", numbers)}");
        foreach (var j in seed.JointSites.Where(j => seed.Districts.All(d => d.Name != j.District)))
            problems.Add($"市区联合创建点 {j.Number}（{j.Street}）的区划“{j.District}”不在区划名额表中");
        if (problems.Count > 0)
            throw new SeedDataException($"种子数据 {name} 有误：" + string.Join("；", problems) + "。");
    }
}

public class SeedDataException : Exception
{
    public SeedDataException(string message) : base(message) { }
}
