using System.Text.Json.Nodes;
using WuShe.App.Data.Seeding;
using WuShe.Domain.Campaigns;
using WuShe.Tests.Support;

namespace WuShe.Tests.SeedData;

/// <summary>
/// The campaign file is checked strictly: unknown fields, unknown names, rules that cannot be measured as written and
/// districts without a usable identifier are refused with the file, the path and a Chinese reason — never ignored.
/// </summary>
public class CampaignSchemaTests
{
    private static JsonObject Requirement(JsonObject json, int standard, int requirement) =>
        json["standards"]![standard]!["requirements"]![requirement]!.AsObject();

    public static TheoryData<string, Action<JsonObject>, string[]> InvalidFiles => new()
    {
        { "unknown top-level field", j => j["targetz"] = 50, ["campaign.json", "未知字段“targetz”"] },
        { "misspelt requirement field", j => Requirement(j, 1, 0)["threshhold"] = 3, ["$.standards[1].requirements[0]", "未知字段“threshhold”"] },
        { "unknown metric", j => Requirement(j, 1, 0)["metric"] = "SocialWorkersPerCommunity",
            ["$.standards[1].requirements[0].metric", "“SocialWorkersPerCommunity”不是可用的 metric", "FullTimeSocialWorkers"] },
        { "impossible scope", j => Requirement(j, 1, 0)["scope"] = "Community",
            ["$.standards[1].requirements[0].scope", "指标“专职社会工作者人数”按创建点（Site）填报，不能按每个社区（Community）衡量"] },
        { "wrong unit", j => Requirement(j, 4, 1)["unit"] = "Count",
            ["$.standards[4].requirements[1].unit", "的单位是比例（Ratio），不能按个数（Count）衡量"] },
        { "a percentage written as a whole number", j => Requirement(j, 4, 1)["threshold"] = 15,
            ["$.standards[4].requirements[1].threshold", "是比例，应在 0 到 1 之间", "实际为 15"] },
        { "a fraction of a person", j => Requirement(j, 3, 0)["threshold"] = 2.5, ["$.standards[3].requirements[0].threshold", "应为整数"] },
        { "a yes/no compared as a number", j => Requirement(j, 0, 0)["comparator"] = "AtLeast",
            ["$.standards[0].requirements[0].comparator", "不能用“≥”比较，可用：必须具备"] },
        { "money capped", j => Requirement(j, 5, 0)["comparator"] = "AtMost", ["$.standards[5].requirements[0].comparator", "不能用“≤”比较"] },
        { "unknown comparator", j => Requirement(j, 1, 0)["comparator"] = "NotLessThan", ["comparator：“NotLessThan”不是可用的 comparator", "AtMost"] },
        { "reversed joint-site range", j => Requirement(j, 5, 0)["appliesTo"] = JsonNode.Parse("{\"jointSites\": [5, 1]}"),
            ["$.standards[5].requirements[0].appliesTo", "范围 5—1 无效"] },
        { "unknown selector", j => Requirement(j, 1, 0)["appliesTo"] = "VillageSites", ["appliesTo：“VillageSites”不是可用的范围"] },
        { "a rule without its clause", j => Requirement(j, 1, 0)["clauseText"] = " ", ["$.standards[1].requirements[0].clauseText", "缺少通知原文"] },
        { "text where a number belongs", j => j["targets"]!["streets"] = "五十", ["campaign.json 第", "$.targets.streets", "值的类型不对"] },
    };

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void An_invalid_campaign_file_is_refused_naming_file_path_and_reason(string kind, Action<JsonObject> edit, string[] expected)
    {
        var e = Assert.Throws<SeedDataException>(() => SeedFiles.ReadEdited(edit));
        foreach (var part in expected) Assert.True(e.Message.Contains(part), $"{kind}：“{e.Message}”中没有“{part}”");
    }

    [Theory]
    [InlineData("两江", "districts.csv 第 2 行 区划代码：“两江”不是有效的区划代码")]
    [InlineData("12010", "districts.csv 第 2 行 区划代码：“12010”不是有效的区划代码")]
    [InlineData("", "districts.csv 第 2 行 区划代码：缺少区划代码")]
    public void A_district_without_a_usable_identifier_is_refused_at_its_row(string code, string message)
    {
        var e = Assert.Throws<SeedDataException>(() => SeedFiles.ReadEdited(_ => { }, csv => csv.Replace("120101,和平区", $"{code},和平区")));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_functional_zone_takes_a_campaign_local_code_and_seeds()
    {
        var seed = SeedFiles.ReadEdited(_ => { }, csv => csv.Replace("120101,和平区", "LJXQ,和平区"));
        var campaign = CampaignSeeder.ToCampaign(seed.Campaign);
        var district = new District(1, seed.Districts[0].Code, seed.Districts[0].Name, 3, 6, 1, campaign.Application);
        Assert.Equal("LJXQ", district.Code);
        Assert.Throws<WuShe.Domain.Common.DomainException>(() => new District(1, "和平", "和平区", 3, 6, 1, campaign.Application));
    }

    [Fact]
    public void Every_rule_of_the_shipped_campaign_passes_the_metric_catalogue()
    {
        var campaign = CampaignSeeder.ToCampaign(SeedFiles.ReadEdited(_ => { }).Campaign);
        Assert.All(campaign.Standards.SelectMany(s => s.Requirements), r =>
            Assert.Empty(MetricCatalogue.Problems(r.Metric, r.Comparator, r.Threshold, r.Unit, r.Scope, r.Period)));
    }
}
