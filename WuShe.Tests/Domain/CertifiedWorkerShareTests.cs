using WuShe.Domain.Campaigns;
using WuShe.Domain.Compliance;
using WuShe.Domain.Progress;
using WuShe.Domain.Sites;

namespace WuShe.Tests.Domain;

/// <summary>持证比例: certified community workers over all community workers, both reported per community, judged exactly.</summary>
public class CertifiedWorkerShareTests
{
    private static readonly DateOnly AsOf = new(2024, 6, 30);

    private static Campaign WithShare(decimal threshold)
    {
        var campaign = new Campaign("share", "持证比例测试活动", "测试〔2024〕1号", "测试民政局", "测试市", 1, 2, 0, 0);
        campaign.AddStandard(new CreationStandard(1, "社工人才", "二", "", [new StandardRequirement(StandardMetric.CertifiedWorkerShare, Comparator.AtLeast,
            threshold, MeasureUnit.Ratio, StandardScope.Community, RequirementPeriod.CreationPeriod, SiteSelector.AllSites, "社区工作者持证比例", "二：持证比例达到15%")]));
        return campaign;
    }

    private static SiteFacts Site(params CommunityFacts[] communities) => new(SiteTier.DistrictLevel, null, communities.Length, true, 2, false, false, "", null,
        communities, 0, 0, 0, 0, 0, 0, new Dictionary<int, long>(), new DateOnly(2023, 7, 1));

    [Fact]
    public void Each_community_is_judged_by_its_certified_workers_over_all_its_workers_with_the_people_still_missing()
    {
        var verdicts = ComplianceEngine.Evaluate(WithShare(0.15m), Site(
                new CommunityFacts("甲社区", 0, 0, 0, 1000, 0, 0, CommunityKind.UrbanCommunity, 20, 3),
                new CommunityFacts("乙社区", 0, 0, 0, 1000, 0, 0, CommunityKind.UrbanCommunity, 21, 3),
                new CommunityFacts("丙社区", 0, 0, 0, 1000, 0, 0)), AsOf)
            .Standards.Single().Requirements.ToDictionary(r => r.Scope);

        Assert.Equal((VerdictStatus.Met, "15.00%（3 / 20 社区工作者）"), (verdicts["甲社区"].Status, verdicts["甲社区"].Actual));
        Assert.Equal((VerdictStatus.NotMet, "还差 1 名持证社区工作者"), (verdicts["乙社区"].Status, verdicts["乙社区"].Gap)); // 3/21 = 14.29 %
        Assert.Equal(VerdictStatus.NoData, verdicts["丙社区"].Status);
        Assert.Contains("社区工作者未填", verdicts["丙社区"].Gap + verdicts["丙社区"].Actual);
    }

    [Fact]
    public void A_report_cannot_certify_more_workers_than_there_are_or_certify_some_without_the_total()
    {
        var content = ReportContent.Empty with
        {
            FullTimeSocialWorkers = 2,
            Communities = [new CommunityFigures(1, 1, 1, 1, 1000, 100, 50, CommunityWorkers: 10, CertifiedCommunityWorkers: 11),
                new CommunityFigures(2, 1, 1, 1, 1000, 100, 50, CertifiedCommunityWorkers: 1)],
        };
        var errors = content.Validate([1, 2]).Select(e => e.Field).ToList();
        Assert.Equal(["Communities[0].CertifiedCommunityWorkers", "Communities[1].CommunityWorkers"], errors);
    }
}
