using WuShe.App.Data.Seeding;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Compliance;
using WuShe.Domain.Sites;
using WuShe.Tests.Support;

namespace WuShe.Tests.Domain;

/// <summary>
/// Every comparator a campaign file may state (不少于 ≥, 超过 >, 不超过 ≤, 少于 <, 等于 =, 仅统计), read from the file and
/// decided by the engine, just met and just missed, with the numbers and the distance in words.
/// </summary>
public class ComparatorRulesTests
{
    private static readonly DateOnly AsOf = new(2023, 12, 31);

    private static Campaign WithResearchRule(string comparator, decimal threshold) => CampaignSeeder.ToCampaign(SeedFiles.ReadEdited(j =>
    {
        var rule = j["standards"]![6]!["requirements"]![0]!.AsObject();
        rule["comparator"] = comparator;
        rule["threshold"] = threshold;
    }).Campaign);

    private static SiteFacts Facts(int research) => new(SiteTier.DistrictLevel, null, 2, true, 2, true, true, "天津市慈善协会",
        new DateOnly(2023, 8, 1), [new("甲社区", 1, 1, 1, 10000, 1500, 600), new("乙社区", 1, 1, 1, 10000, 1500, 600)],
        5, 3, 120, research, 1, 1, new Dictionary<int, long> { [202308] = 100 }, new DateOnly(2023, 7, 1));

    [Theory]
    [InlineData("AtLeast", 2, 2, VerdictStatus.Met, "≥ 2 项", "")]
    [InlineData("AtLeast", 2, 1, VerdictStatus.NotMet, "≥ 2 项", "还差 1 项专题研究")]
    [InlineData("MoreThan", 2, 3, VerdictStatus.Met, "> 2 项", "")]
    [InlineData("MoreThan", 2, 2, VerdictStatus.NotMet, "> 2 项", "还差 1 项专题研究")]
    [InlineData("AtMost", 3, 3, VerdictStatus.Met, "≤ 3 项", "")]
    [InlineData("AtMost", 3, 5, VerdictStatus.NotMet, "≤ 3 项", "超出 2 项专题研究")]
    [InlineData("LessThan", 3, 2, VerdictStatus.Met, "< 3 项", "")]
    [InlineData("LessThan", 3, 3, VerdictStatus.NotMet, "< 3 项", "超出 1 项专题研究")]
    [InlineData("EqualTo", 2, 2, VerdictStatus.Met, "= 2 项", "")]
    [InlineData("EqualTo", 2, 4, VerdictStatus.NotMet, "= 2 项", "相差 2 项专题研究")]
    [InlineData("TrackOnly", 2, 0, VerdictStatus.Tracked, "不设要求（仅统计）", "")]
    public void A_count_rule_is_decided_by_its_comparator(string comparator, decimal threshold, int actual, VerdictStatus status, string required, string gap)
    {
        var verdict = ComplianceEngine.Evaluate(WithResearchRule(comparator, threshold), Facts(actual), AsOf)
            .Standards.Single(s => s.Number == 7).Requirements.Single(r => r.Description.Contains("专题研究"));
        Assert.Equal(status, verdict.Status);
        Assert.Equal(required, verdict.Required);
        Assert.Equal($"{actual} 项", verdict.Actual);
        Assert.Equal(gap, verdict.Gap);
        Assert.Equal("三（七）（数量为系统设定）", verdict.Clause);
    }

    [Theory]
    [InlineData("AtMost", 0.5, 5000, VerdictStatus.Met, "")]
    [InlineData("AtMost", 0.5, 5001, VerdictStatus.NotMet, "超出 1 名注册志愿者")]
    [InlineData("MoreThan", 0.15, 1500, VerdictStatus.NotMet, "还差 1 名注册志愿者")]
    [InlineData("MoreThan", 0.15, 1501, VerdictStatus.Met, "")]
    public void A_ratio_rule_is_decided_by_its_comparator_in_whole_people(string comparator, decimal threshold, int registered, VerdictStatus status, string gap)
    {
        var campaign = CampaignSeeder.ToCampaign(SeedFiles.ReadEdited(j =>
        {
            var rule = j["standards"]![4]!["requirements"]![1]!.AsObject();
            rule["comparator"] = comparator;
            rule["threshold"] = threshold;
        }).Campaign);
        var facts = Facts(1) with { Communities = [new("甲社区", 1, 1, 1, 10000, registered, registered)] };
        var verdict = ComplianceEngine.Evaluate(campaign, facts, AsOf).Standards.Single(s => s.Number == 5)
            .Requirements.Single(r => r.Actual.Contains("常住人口"));
        Assert.Equal(status, verdict.Status);
        Assert.Equal(gap, verdict.Gap);
        Assert.StartsWith(comparator == "AtMost" ? "≤" : ">", verdict.Required);
    }
}

/// <summary>A rule per community may keep to one kind: 城市社区 or 农村社区 (村), as 重庆 and 眉县 set different numbers for each.</summary>
public class CommunityKindRulesTests
{
    private static readonly DateOnly AsOf = new(2023, 12, 31);

    private static Campaign WithVillageTeams(int teams) => CampaignSeeder.ToCampaign(SeedFiles.ReadEdited(j =>
    {
        var rules = j["standards"]![4]!["requirements"]!.AsArray();
        var village = System.Text.Json.Nodes.JsonNode.Parse(rules[0]!.ToJsonString())!.AsObject();
        village["threshold"] = teams;
        village["forCommunities"] = "Village";
        village["description"] = "每个农村社区的志愿服务组织（团队）数";
        rules.Add(village);
    }).Campaign);

    [Fact]
    public void A_village_rule_is_checked_for_villages_only_and_reads_as_such()
    {
        var campaign = WithVillageTeams(2);
        var facts = new SiteFacts(SiteTier.DistrictLevel, null, 2, true, 2, true, true, "天津市慈善协会", new DateOnly(2023, 8, 1),
            [new("甲社区", 1, 1, 1, 10000, 1500, 600, CommunityKind.UrbanCommunity), new("王庄村", 1, 1, 1, 2000, 400, 200, CommunityKind.Village)],
            5, 3, 120, 1, 1, 1, new Dictionary<int, long> { [202308] = 100 }, new DateOnly(2023, 7, 1));
        var verdicts = ComplianceEngine.Evaluate(campaign, facts, AsOf).Standards.Single(s => s.Number == 5)
            .Requirements.Where(r => r.Description == "每个农村社区的志愿服务组织（团队）数").ToList();
        var village = Assert.Single(verdicts);
        Assert.Equal("王庄村", village.Scope);
        Assert.Equal(VerdictStatus.NotMet, village.Status);
        Assert.Equal("还差 1 个志愿服务组织（团队）", village.Gap);
        Assert.Equal("每个农村社区", WuShe.App.Campaigns.RuleText.ScopeOf(campaign.Standards.Single(s => s.Number == 5).Requirements.Last()));
    }

    [Fact]
    public void A_kind_on_a_site_rule_or_an_unknown_kind_is_refused_at_its_path()
    {
        var onSite = Assert.Throws<SeedDataException>(() => SeedFiles.ReadEdited(j => j["standards"]![1]!["requirements"]![0]!["forCommunities"] = "Village"));
        Assert.Contains("$.standards[1].requirements[0].forCommunities：只有按社区填报的指标", onSite.Message);
        var unknown = Assert.Throws<SeedDataException>(() => SeedFiles.ReadEdited(j => j["standards"]![4]!["requirements"]![0]!["forCommunities"] = "农村"));
        Assert.Contains("$.standards[4].requirements[0].forCommunities：“农村”不是可用的 forCommunities", unknown.Message);
    }
}

/// <summary>A number that rises with the years (两江: 2 名 in 2020, 5 名 by 2025) is judged by the as-of year's number and reads as such.</summary>
public class YearThresholdRulesTests
{
    private static Campaign Rising() => CampaignSeeder.ToCampaign(SeedFiles.ReadEdited(j =>
        j["standards"]![4]!["requirements"]![0]!["thresholdsByYear"] = System.Text.Json.Nodes.JsonNode.Parse("{\"2025\": 3}")).Campaign);

    private static SiteFacts WithTeams(int teams) => new(SiteTier.DistrictLevel, null, 1, true, 2, true, true, "天津市慈善协会",
        new DateOnly(2023, 8, 1), [new("甲社区", 1, 1, teams, 10000, 1500, 600)], 5, 3, 120, 1, 1, 1,
        new Dictionary<int, long>(), new DateOnly(2023, 7, 1));

    [Theory]
    [InlineData(2024, 1, VerdictStatus.Met, "≥ 1 个")]
    [InlineData(2025, 2, VerdictStatus.NotMet, "≥ 3 个")]
    [InlineData(2026, 3, VerdictStatus.Met, "≥ 3 个")]
    public void The_as_of_years_number_decides(int year, int teams, VerdictStatus status, string required)
    {
        var verdict = ComplianceEngine.Evaluate(Rising(), WithTeams(teams), new DateOnly(year, 12, 31)).Standards.Single(s => s.Number == 5)
            .Requirements.First(r => r.Actual.EndsWith(" 个") && r.Scope == "甲社区");
        Assert.Equal(status, verdict.Status);
        Assert.Equal(required, verdict.Required);
    }

    [Fact]
    public void The_rule_reads_with_its_later_number_and_bad_years_are_refused_at_their_path()
    {
        var rule = Rising().Standards.Single(s => s.Number == 5).Requirements[0];
        Assert.Equal("≥ 1；2025年起 ≥ 3", WuShe.App.Campaigns.RuleText.Of(rule));
        var ratio = Assert.Throws<SeedDataException>(() => SeedFiles.ReadEdited(j =>
            j["standards"]![4]!["requirements"]![1]!["thresholdsByYear"] = System.Text.Json.Nodes.JsonNode.Parse("{\"2025\": 22}")));
        Assert.Contains("$.standards[4].requirements[1].thresholdsByYear.2025：指标“注册志愿者占常住人口比例”的阈值是比例，应在 0 到 1 之间", ratio.Message);
        var money = Assert.Throws<SeedDataException>(() => SeedFiles.ReadEdited(j =>
            j["standards"]![5]!["requirements"]![0]!["thresholdsByYear"] = System.Text.Json.Nodes.JsonNode.Parse("{\"2024\": 6000000}")));
        Assert.Contains("thresholdsByYear.2024：社会慈善资金的下限按创建点类别设定，不按年份分段", money.Message);
    }
}
