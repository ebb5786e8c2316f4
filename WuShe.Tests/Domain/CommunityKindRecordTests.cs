using WuShe.Domain.Sites;
using WuShe.Tests.Support;

namespace WuShe.Tests.Domain;

/// <summary>社区类别 is recorded per community: as the name says (“…村” rural), or written where the name does not say it.</summary>
public class CommunityKindRecordTests
{
    [Theory]
    [InlineData("华纳社区", "华纳社区", null)]
    [InlineData("前进村", "前进村", null)]
    [InlineData("前进社区（农村社区）", "前进社区", CommunityKind.Village)]
    [InlineData("新村(城市社区)", "新村", CommunityKind.UrbanCommunity)]
    public void Annex_text_gives_the_name_and_the_kind_written(string text, string name, CommunityKind? kind) =>
        Assert.Equal((name, kind), CommunityKinds.Parse(text));

    [Fact]
    public void A_joint_site_records_a_written_kind_and_writes_it_back_only_where_the_name_would_mislead()
    {
        var site = Site.DesignateJointSite(1, 1, 1, "甲街道", ["前进社区（农村社区）", "华纳社区", "东村"], Seeded.Rules, DateTimeOffset.UtcNow);
        Assert.Equal([("前进社区", CommunityKind.Village), ("华纳社区", CommunityKind.UrbanCommunity), ("东村", CommunityKind.Village)],
            site.Communities.Select(c => (c.Name, c.Kind)));
        Assert.Equal(["前进社区（农村社区）", "华纳社区", "东村"], site.Communities.Select(c => CommunityKinds.Format(c.Name, c.Kind)));
        Assert.Throws<WuShe.Domain.Common.DomainException>(() =>
            Site.DesignateJointSite(1, 1, 2, "乙街道", ["前进社区（农村社区）", "前进社区"], Seeded.Rules, DateTimeOffset.UtcNow));
    }

    [Fact]
    public void An_application_records_the_kind_chosen_and_otherwise_follows_the_name()
    {
        var details = SiteLifecycleTests.Valid();
        details = details with { Communities = [details.Communities[0] with { Kind = CommunityKind.Village }, .. details.Communities.Skip(1)] };
        var officer = new WuShe.Domain.Accounts.Actor(1, "和平区民政局", WuShe.Domain.Accounts.UserRole.DistrictOfficer, 1);
        var site = Site.DraftApplication(1, 1, officer, details, DateTimeOffset.UtcNow);
        Assert.Equal(CommunityKind.Village, site.Communities[0].Kind);
        Assert.Equal(Community.KindOf(site.Communities[1].Name), site.Communities[1].Kind);
        Assert.Equal(CommunityKind.Village, site.Details.Communities[0].Kind);
        Assert.Null(site.Details.Communities[1].Kind);
    }
}
