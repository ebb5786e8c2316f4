using System.Text.Json.Nodes;
using WuShe.App.Data.Seeding;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Compliance;
using WuShe.Domain.Sites;
using WuShe.Tests.Support;

namespace WuShe.Tests.Domain;

/// <summary>
/// District and city targets (重庆's 22% of residents, 城市社区平均 12 个, 社区基金不少于 200 个, 全覆盖) over the sites'
/// facts: just met and just missed, with the numbers behind them; site verdicts are not touched by them.
/// </summary>
public class AggregateTargetsTests
{
    private static readonly DateOnly AsOf = new(2023, 12, 31);
    private static readonly IReadOnlyList<(int, string)> Districts = [(1, "甲区"), (2, "乙区")];

    private static Campaign With(string rule) => CampaignSeeder.ToCampaign(SeedFiles.ReadEdited(j =>
        j["standards"]![4]!["requirements"]!.AsArray().Add(JsonNode.Parse(rule))).Campaign);

    private static string Rule(string metric, string scope, string aggregation, decimal threshold, string unit, string extra = "") => $$"""
        { "metric": "{{metric}}", "comparator": "AtLeast", "threshold": {{threshold}}, "unit": "{{unit}}", "scope": "{{scope}}",
          "period": "CreationPeriod", "appliesTo": "AllSites", "aggregation": "{{aggregation}}", "description": "测试目标",
          "clauseText": "测试条款" {{extra}} }
        """;

    private static SiteFacts Site(bool fund, params CommunityFacts[] communities) => new(SiteTier.DistrictLevel, null, communities.Length, true, 2,
        fund, fund, "慈善会", new DateOnly(2023, 8, 1), communities, 5, 3, 120, 1, 1, 1, new Dictionary<int, long>(), new DateOnly(2023, 7, 1));

    private static CommunityFacts Community(string name, int teams, int residents, int registered) =>
        new(name, 1, 1, teams, residents, registered, registered, WuShe.Domain.Sites.Community.KindOf(name));

    private static RequirementVerdict Only(Campaign campaign, params DistrictSiteFacts[] sites) =>
        Assert.Single(AggregateEngine.Evaluate(campaign, sites, Districts, AsOf), v => v.Verdict.Description == "测试目标" && v.DistrictId is null).Verdict;

    [Theory]
    [InlineData(2000, 2400, VerdictStatus.Met, "22.00%（4400 注册志愿者 / 20000 常住人口）", "")]
    [InlineData(2000, 2399, VerdictStatus.NotMet, "21.995%（4399 注册志愿者 / 20000 常住人口）", "还差 0.005%")]
    public void A_city_ratio_pools_every_communitys_numbers(int first, int second, VerdictStatus status, string actual, string gap)
    {
        var verdict = Only(With(Rule("RegisteredVolunteerShare", "City", "Pooled", 0.22m, "Ratio")),
            new(1, Site(true, Community("甲社区", 1, 10000, first))), new(2, Site(true, Community("乙社区", 1, 10000, second))));
        Assert.Equal(status, verdict.Status);
        Assert.Equal("≥ 22%", verdict.Required);
        Assert.Equal(actual, verdict.Actual);
        Assert.Equal(gap, verdict.Gap);
        Assert.Equal("全市", verdict.Scope);
    }

    [Fact]
    public void A_district_average_per_urban_community_is_judged_for_each_district_over_its_own_communities()
    {
        var campaign = With(Rule("VolunteerTeams", "District", "MeanPerCommunity", 12, "Count", ", \"forCommunities\": \"UrbanCommunity\""));
        var verdicts = AggregateEngine.Evaluate(campaign, [
                new(1, Site(true, Community("甲社区", 12, 100, 10), Community("乙社区", 13, 100, 10), Community("王庄村", 0, 100, 10))),
                new(2, Site(true, Community("丙社区", 12, 100, 10), Community("丁社区", 11, 100, 10)))],
            Districts, AsOf).Where(v => v.Verdict.Description == "测试目标").ToList();
        var first = verdicts.Single(v => v.DistrictId == 1).Verdict;
        Assert.Equal(VerdictStatus.Met, first.Status);
        Assert.Equal("12.5 个（合计 25 个 / 2 个社区）", first.Actual);
        var second = verdicts.Single(v => v.DistrictId == 2).Verdict;
        Assert.Equal(VerdictStatus.NotMet, second.Status);
        Assert.Equal("乙区", second.Scope);
        Assert.Equal("还差 0.5 个", second.Gap);
    }

    [Theory]
    [InlineData(2, VerdictStatus.Met)]
    [InlineData(3, VerdictStatus.NotMet)]
    public void A_city_total_of_community_funds_counts_the_sites_that_have_one(int floor, VerdictStatus status)
    {
        var verdict = Only(With(Rule("CommunityFundEstablished", "City", "Sum", floor, "Count").Replace("AtLeast", "AtLeast")),
            new(1, Site(true, Community("甲社区", 1, 100, 10))), new(1, Site(true, Community("乙社区", 1, 100, 10))),
            new(2, Site(false, Community("丙社区", 1, 100, 10))));
        Assert.Equal(status, verdict.Status);
        Assert.Equal("2 个（3 个创建点合计 2 个创建点具备）", verdict.Actual);
    }

    [Fact]
    public void Coverage_is_the_share_of_communities_reaching_the_floor_and_names_those_without_data()
    {
        var campaign = With(Rule("VolunteerTeams", "City", "Coverage", 1, "Ratio", ", \"coverageFloor\": 1"));
        var verdict = Only(campaign, new(1, Site(true, Community("甲社区", 1, 100, 10), Community("乙社区", 0, 100, 10))),
            new(2, Site(true, Community("丙社区", 2, 100, 10)) with { Communities = [Community("丙社区", 2, 100, 10), new("丁社区", null, null, null, null, null, null)] }));
        Assert.Equal(VerdictStatus.NotMet, verdict.Status);
        Assert.Equal("50.00%（2 / 4 个社区达到 1 个；其中 1 个社区尚无数据，按 0 计）", verdict.Actual);
    }

    [Fact]
    public void District_and_city_targets_do_not_change_a_sites_own_verdicts()
    {
        var plain = CampaignSeeder.ToCampaign(SeedFiles.ReadEdited(_ => { }).Campaign);
        var with = With(Rule("VolunteerTeams", "City", "Sum", 1000, "Count"));
        var site = Site(true, Community("甲社区", 1, 10000, 1500), Community("乙社区", 1, 10000, 1500));
        Assert.Equal(ComplianceEngine.Evaluate(plain, site, AsOf).Standards.SelectMany(s => s.Requirements),
            ComplianceEngine.Evaluate(with, site, AsOf).Standards.SelectMany(s => s.Requirements));
    }

    [Theory]
    [InlineData("\"scope\": \"District\", \"aggregation\": null", "aggregation：指标“志愿服务组织（团队）数”在每个区（District）的汇总方式应为")]
    [InlineData("\"scope\": \"City\", \"aggregation\": \"Coverage\"", "coverageFloor：覆盖率须写明每个社区达到多少才算覆盖")]
    [InlineData("\"scope\": \"City\", \"aggregation\": \"Pooled\"", "aggregation：指标“志愿服务组织（团队）数”在全市（City）的汇总方式应为：合计（Sum）、平均每个社区（MeanPerCommunity）、覆盖率（Coverage）")]
    [InlineData("\"scope\": \"Community\", \"aggregation\": \"Sum\"", "aggregation：只有区或全市的目标")]
    [InlineData("\"scope\": \"City\", \"aggregation\": \"Averaged\"", "aggregation：“Averaged”不是可用的 aggregation")]
    public void A_target_that_cannot_be_combined_as_written_is_refused_at_its_path(string change, string message)
    {
        var e = Assert.Throws<SeedDataException>(() => SeedFiles.ReadEdited(j =>
        {
            var rule = j["standards"]![4]!["requirements"]![0]!.AsObject();
            foreach (var (key, value) in JsonNode.Parse("{" + change + "}")!.AsObject())
                rule[key] = value?.DeepClone();
        }));
        Assert.Contains("$.standards[4].requirements[0]." + message, e.Message);
    }
}
