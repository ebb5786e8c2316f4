using WuShe.Tests.Support;
using WuShe.App.Data.Seeding;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Common;
using WuShe.Domain.Sites;

namespace WuShe.Tests.Domain;

public class CampaignRulesTests
{
    private static readonly Campaign Tianjin = CampaignSeeder.ToCampaign(
        CampaignSeedReader.Read(Path.Combine(AppContext.BaseDirectory, "seed-data", "tianjin-2023")).Campaign);

    [Theory]
    [InlineData(1, 5_000_000L)]
    [InlineData(5, 5_000_000L)]
    [InlineData(6, 2_000_000L)]
    [InlineData(11, 2_000_000L)]
    public void Joint_site_floor_follows_its_number(int number, long floorFen)
    {
        Assert.Equal(floorFen, Tianjin.FundraisingFloorFenFor(SiteTier.CityDistrictJoint, number));
    }

    [Fact]
    public void District_level_sites_have_no_floor()
    {
        Assert.Null(Tianjin.FundraisingFloorFenFor(SiteTier.DistrictLevel, null));
    }

    [Fact]
    public void Floor_is_shown_in_yuan_with_two_decimals()
    {
        Assert.Equal("50,000.00 元", Money.FormatYuan(5_000_000));
        Assert.Equal("0.01 元", Money.FormatYuan(1));
        Assert.Equal(2_000_000, Money.FenFromYuan(20000m));
        Assert.Throws<DomainException>(() => Money.FenFromYuan(1.005m));
    }

    [Fact]
    public void A_joint_site_starts_approved_and_needs_two_communities()
    {
        var site = Site.DesignateJointSite(1, 1, 2, "南市街道", new[] { "新文化社区", "庆有西里社区", "怀远里社区" }, Seeded.Rules, DateTimeOffset.UnixEpoch);
        Assert.Equal(SiteState.Approved, site.State);
        Assert.Equal(3, site.Communities.Count);

        var tooFew = Assert.Throws<DomainException>(() =>
            Site.DesignateJointSite(1, 1, 3, "桃园街道", new[] { "广顺园社区" }, Seeded.Rules, DateTimeOffset.UnixEpoch));
        Assert.Contains("不少于 2 个社区", tooFew.Message);
        Assert.Throws<DomainException>(() =>
            Site.DesignateJointSite(1, 1, 3, "桃园街道", new[] { "广顺园社区", "广顺园社区" }, Seeded.Rules, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Villages_are_told_from_communities_by_name()
    {
        var site = Site.DesignateJointSite(1, 1, 10, "东二营镇", new[] { "王辛庄村", "北高庄村" }, Seeded.Rules, DateTimeOffset.UnixEpoch);
        Assert.All(site.Communities, c => Assert.Equal(CommunityKind.Village, c.Kind));
        Assert.Equal(CommunityKind.UrbanCommunity, Community.KindOf("华纳社区"));
    }

    [Fact]
    public void District_code_and_quota_are_checked()
    {
        Assert.Throws<DomainException>(() => new District(1, "12010", "和平区", 3, 6, 1, Seeded.Rules));
        var quota = Assert.Throws<DomainException>(() => new District(1, "120101", "和平区", 3, 5, 1, Seeded.Rules));
        Assert.Contains("三（二）", quota.Message);
    }

    [Fact]
    public void Ratio_thresholds_must_be_fractions()
    {
        var e = Assert.Throws<DomainException>(() => new StandardRequirement(StandardMetric.RegisteredVolunteerShare,
            Comparator.AtLeast, 15, MeasureUnit.Ratio, StandardScope.Community, RequirementPeriod.CreationPeriod,
            SiteSelector.AllSites, "注册志愿者比例", "15%以上"));
        Assert.Contains("0.15", e.Message);
    }

    [Fact]
    public void Milestones_cannot_ask_less_later()
    {
        var c = new Campaign("x", "x", "x", "x", "x", 2, 4, 0, 0);
        c.AddMilestone(new Milestone(new DateOnly(2024, 6, 30), 1m, "全部完成", "二"));
        Assert.Throws<DomainException>(() => c.AddMilestone(new Milestone(new DateOnly(2024, 12, 31), 0.5m, "一半", "二")));
    }
}
