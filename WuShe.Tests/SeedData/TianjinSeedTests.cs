using WuShe.Tests.Support;
using WuShe.App.Data.Seeding;

namespace WuShe.Tests.SeedData;

/// <summary>The shipped seed files against 津民函〔2023〕20号, 附件1 and 附件2, transcribed here a second time by hand.</summary>
public class TianjinSeedTests
{
    private static readonly CampaignSeed Seed = CampaignSeedReader.Read(Path.Combine(AppContext.BaseDirectory, "seed-data", "tianjin-2023"));

    public static TheoryData<string, string, int, int> Attachment1 => new()
    {
        { "120101", "和平区", 3, 6 }, { "120102", "河东区", 3, 6 }, { "120103", "河西区", 3, 6 }, { "120104", "南开区", 3, 6 },
        { "120105", "河北区", 3, 6 }, { "120106", "红桥区", 3, 6 }, { "120110", "东丽区", 3, 6 }, { "120113", "北辰区", 3, 6 },
        { "120111", "西青区", 3, 6 }, { "120112", "津南区", 3, 6 }, { "120116", "滨海新区", 6, 12 }, { "120114", "武清区", 6, 12 },
        { "120115", "宝坻区", 2, 4 }, { "120117", "宁河区", 2, 4 }, { "120118", "静海区", 2, 4 }, { "120119", "蓟州区", 2, 4 },
    };

    public static TheoryData<int, string, string, string[]> Attachment2 => new()
    {
        { 1, "滨海新区", "泰达街道", new[] { "华纳社区", "康翠社区" } },
        { 2, "和平区", "南市街道", new[] { "新文化社区", "庆有西里社区", "怀远里社区" } },
        { 3, "河西区", "桃园街道", new[] { "广顺园社区", "津港路社区" } },
        { 4, "西青区", "赤龙南街道", new[] { "佳和荣庭社区", "佳和贤庭社区" } },
        { 5, "津南区", "双林街道", new[] { "林城佳苑社区", "象博豪庭社区" } },
        { 6, "南开区", "广开街道", new[] { "凯兴公寓社区", "宝龙湾社区" } },
        { 7, "东丽区", "金桥街道", new[] { "怡盛里社区", "龙泉里社区" } },
        { 8, "北辰区", "瑞景街道", new[] { "宝翠花都社区", "江南春色社区" } },
        { 9, "宁河区", "芦台街道", new[] { "愉悦港湾社区", "商业道社区" } },
        { 10, "蓟州区", "东二营镇", new[] { "王辛庄村", "北高庄村", "都赛营北村" } },
        { 11, "静海区", "华康街道", new[] { "湖岸栖庭社区", "依山郡社区" } },
    };

    [Fact]
    public void Totals_are_50_streets_100_communities_and_11_joint_sites_with_24_communities()
    {
        Assert.Equal(16, Seed.Districts.Count);
        Assert.Equal(50, Seed.Districts.Sum(d => d.StreetQuota));
        Assert.Equal(100, Seed.Districts.Sum(d => d.CommunityQuota));
        Assert.Equal(11, Seed.JointSites.Count);
        Assert.Equal(24, Seed.JointSites.Sum(j => j.Communities.Count));
    }

    [Theory, MemberData(nameof(Attachment1))]
    public void District_quota_is_as_in_attachment_1(string code, string name, int streets, int communities)
    {
        var district = Assert.Single(Seed.Districts, d => d.Code == code);
        Assert.Equal((name, streets, communities), (district.Name, district.StreetQuota, district.CommunityQuota));
    }

    [Fact]
    public void Districts_keep_the_order_of_attachment_1()
    {
        Assert.Equal(Attachment1.Select(r => (string)r[1]), Seed.Districts.Select(d => d.Name));
    }

    [Theory, MemberData(nameof(Attachment2))]
    public void Joint_site_is_as_in_attachment_2(int number, string district, string street, string[] communities)
    {
        var site = Assert.Single(Seed.JointSites, j => j.Number == number);
        Assert.Equal(district, site.District);
        Assert.Equal(street, site.Street);
        Assert.Equal(communities, site.Communities);
    }

    [Fact]
    public void Milestones_are_2023_11_30_at_half_and_2024_06_30_at_all()
    {
        var milestones = Seed.Campaign.Milestones.Select(m => (m.DueDate, m.RequiredCompletionShare)).ToList();
        Assert.Equal(new[] { (new DateOnly(2023, 11, 30), 0.5m), (new DateOnly(2024, 6, 30), 1.0m) }, milestones);
    }

    [Fact]
    public void Seven_standards_each_with_clause_three()
    {
        var standards = Seed.Campaign.Standards;
        Assert.Equal(Enumerable.Range(1, 7), standards.Select(s => s.Number));
        var numerals = new[] { "一", "二", "三", "四", "五", "六", "七" };
        Assert.All(standards, s => Assert.Equal($"三（{numerals[s.Number - 1]}）", s.Clause));
        Assert.All(standards.SelectMany(s => s.Requirements), r => Assert.False(string.IsNullOrWhiteSpace(r.ClauseText)));
    }

    [Fact]
    public void Campaign_is_the_tianjin_notice()
    {
        Assert.Equal("津民函〔2023〕20号", Seed.Campaign.DocumentNumber);
        Assert.Equal("天津市民政局", Seed.Campaign.Issuer);
    }

    [Fact]
    public void The_schedule_the_notice_leaves_open_is_campaign_data()
    {
        var campaign = CampaignSeeder.ToCampaign(Seed.Campaign);
        Assert.Equal((new DateOnly(2023, 12, 31), new DateOnly(2024, 7, 31), 30, 10),
            (campaign.MidTermEvaluationDue, campaign.FinalEvaluationDue, campaign.AlertLeadDays, campaign.ReportDueDays));
    }

    [Theory]
    [InlineData("schedule", "缺少 schedule")]
    [InlineData("schedule.midTermEvaluationDue", "schedule 缺少字段 midTermEvaluationDue")]
    [InlineData("schedule.alertLeadDays", "schedule 缺少字段 alertLeadDays")]
    [InlineData("fundraisingYear", "缺少 fundraisingYear")]
    [InlineData("fundraisingYear.reason", "fundraisingYear 缺少字段 reason")]
    [InlineData("notice", "缺少 notice")]
    [InlineData("notice.acceptance", "notice 缺少字段 acceptance")]
    [InlineData("application", "缺少 application")]
    [InlineData("application.minimumCommunities", "application 缺少字段 minimumCommunities")]
    [InlineData("application.minimumSocialWorkers", "application 缺少字段 minimumSocialWorkers")]
    [InlineData("application.fundCharityNeedsPublicFundraising", "application 缺少字段 fundCharityNeedsPublicFundraising")]
    [InlineData("application.serviceAreas", "application 缺少字段 serviceAreas")]
    [InlineData("application.charityExample", "application 缺少字段 charityExample")]
    [InlineData("application.phoneExample", "application 缺少字段 phoneExample")]
    [InlineData("rubric", "缺少 rubric")]
    [InlineData("rubric.passMark", "rubric 缺少字段 passMark")]
    public void A_campaign_file_without_what_the_notice_leaves_to_the_campaign_is_refused_naming_the_field(string path, string message)
    {
        var e = Assert.Throws<SeedDataException>(() => ReadEdited(json =>
        {
            var parts = path.Split('.');
            var parent = parts.Length == 1 ? json : json[parts[0]]!.AsObject();
            parent.Remove(parts[^1]);
        }));
        Assert.Contains(message, e.Message);
    }

    [Theory]
    [InlineData("application.serviceAreas", "[\"养老服务\", \"上门理发\"]", "“上门理发”不是可用的服务领域")]
    [InlineData("application.minimumCommunities", "3", "application.minimumCommunities 为 3，与创建标准第 2 条 CoveredCommunities 的 2 不一致")]
    [InlineData("fundraisingYear.basis", "\"财政年度\"", "fundraisingYear.basis 应为“自然年”或“项目年度”")]
    [InlineData("rubric.passMark", "200", "合格线应在 0 到满分 100 之间")]
    public void A_campaign_file_with_unusable_rules_is_refused_saying_why(string path, string value, string message)
    {
        var e = Assert.Throws<SeedDataException>(() => ReadEdited(json =>
        {
            var parts = path.Split('.');
            json[parts[0]]!.AsObject()[parts[1]] = System.Text.Json.Nodes.JsonNode.Parse(value);
        }));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Tianjins_application_rules_and_rubric_are_campaign_data()
    {
        var campaign = CampaignSeeder.ToCampaign(Seed.Campaign);
        var rules = campaign.Application;
        Assert.Equal((2, "三（二）", 2, true, "三（六）"), (rules.MinimumCommunities, rules.CommunitiesClause, rules.MinimumSocialWorkers,
            rules.FundCharityNeedsPublicFundraising, rules.FundClause));
        Assert.Equal(new[] { "养老服务", "社会救助", "儿童福利和权益保护", "残疾人保障", "其他" }, rules.OfferedServiceAreas().Select(a => a.Label));
        Assert.Equal(("如：天津市慈善协会", "022-12345678"), (rules.CharityExample, rules.PhoneExample));
        Assert.Equal((60m, 100m, true), (campaign.Rubric.PassMark, campaign.Rubric.MaxPoints, campaign.Rubric.IsSystemDefault));
    }

    private static CampaignSeed ReadEdited(Action<System.Text.Json.Nodes.JsonObject> edit) => SeedFiles.ReadEdited(edit);
}
