using WuShe.Tests.Support;
using WuShe.App.Data.Seeding;
using WuShe.Domain.Accounts;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Compliance;
using WuShe.Domain.Progress;
using WuShe.Domain.Sites;

namespace WuShe.Tests.Domain;

/// <summary>The seven standards of 三 on the seeded Tianjin definitions, boundary by boundary.</summary>
public class ComplianceEngineTests
{
    private static readonly Campaign Tianjin = CampaignSeeder.ToCampaign(
        CampaignSeedReader.Read(Path.Combine(AppContext.BaseDirectory, "seed-data", "tianjin-2023")).Campaign);
    private static readonly DateOnly AsOf = new(2023, 12, 31);

    private static CommunityFacts Community(string name = "甲社区", int? residents = 10000, int? registered = 1500, int? active = 600) =>
        new(name, 1, 1, 1, residents, registered, active);

    private static SiteFacts AllMet(SiteTier tier = SiteTier.CityDistrictJoint, int? number = 3) => new(tier, number, 2, true, 2,
        true, true, "天津市慈善协会", new DateOnly(2023, 8, 1), new[] { Community("甲社区"), Community("乙社区") },
        5, 3, 120, 1, 1, 1, new Dictionary<int, long> { [202308] = 5_000_000 }, new DateOnly(2023, 7, 1));

    /// <summary>The same campaign counting 三（六）'s "每年" by calendar year.</summary>
    private static Campaign ByCalendarYear()
    {
        var c = CampaignSeeder.ToCampaign(CampaignSeedReader.Read(Path.Combine(AppContext.BaseDirectory, "seed-data", "tianjin-2023")).Campaign);
        c.SetFundraisingYear(FundraisingYearBasis.CalendarYear, "测试");
        return c;
    }

    private static StandardVerdict Standard(SiteFacts facts, int number) =>
        ComplianceEngine.Evaluate(Tianjin, facts, AsOf).Standards.Single(s => s.Number == number);

    [Fact]
    public void A_site_with_everything_meets_all_seven_and_is_complete()
    {
        var result = ComplianceEngine.Evaluate(Tianjin, AllMet(), AsOf);
        Assert.Equal(7, result.Standards.Count);
        Assert.All(result.Standards, s => Assert.Equal(VerdictStatus.Met, s.Status));
        Assert.True(result.Complete);
        Assert.Equal(1m, result.Completion);
    }

    [Theory]
    [InlineData(10000, 1500, VerdictStatus.Met, "")]               // 15.00 %
    [InlineData(10000, 1499, VerdictStatus.NotMet, "还差 1 名注册志愿者")] // 14.99 %
    [InlineData(7, 2, VerdictStatus.Met, "")]                        // 28.57 %
    [InlineData(20, 2, VerdictStatus.NotMet, "还差 1 名注册志愿者")]      // 10 % of 20 needs 3
    public void Registered_volunteers_need_15_percent_of_residents(int residents, int registered, VerdictStatus expected, string gap)
    {
        var facts = AllMet() with { Communities = new[] { Community(residents: residents, registered: registered, active: registered), Community("乙社区") } };
        var verdict = Standard(facts, 5).Requirements.Single(r => r.Scope == "甲社区" && r.Description.Contains("常住居民"));
        Assert.Equal(expected, verdict.Status);
        Assert.Equal(gap, verdict.Gap);
        Assert.Equal("三（五）", verdict.Clause);
        Assert.Contains($"/ {residents} 常住人口", verdict.Actual);
    }

    [Theory]
    [InlineData(1500, 600, VerdictStatus.Met)]    // 40.00 %
    [InlineData(1500, 599, VerdictStatus.NotMet)] // 39.93 %
    [InlineData(1000, 401, VerdictStatus.Met)]
    public void Active_volunteers_need_40_percent_of_registered(int registered, int active, VerdictStatus expected)
    {
        var facts = AllMet() with { Communities = new[] { Community(registered: registered, active: active), Community("乙社区") } };
        var verdict = Standard(facts, 5).Requirements.Single(r => r.Scope == "甲社区" && r.Description.Contains("时长"));
        Assert.Equal(expected, verdict.Status);
        if (expected == VerdictStatus.NotMet) Assert.Equal("还差 1 名有服务时长记录的志愿者", verdict.Gap);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(null)]
    public void Zero_or_missing_residents_is_no_data_never_a_pass(int? residents)
    {
        var facts = AllMet() with { Communities = new[] { Community(residents: residents), Community("乙社区") } };
        var standard = Standard(facts, 5);
        var verdict = standard.Requirements.Single(r => r.Scope == "甲社区" && r.Description.Contains("常住居民"));
        Assert.Equal(VerdictStatus.NoData, verdict.Status);
        Assert.Contains("常住人口未填或为 0", verdict.Gap);
        Assert.Equal(VerdictStatus.NoData, standard.Status);
        Assert.False(ComplianceEngine.Evaluate(Tianjin, facts, AsOf).Complete);
    }

    [Theory]
    [InlineData(1, 5_000_000, VerdictStatus.Met)]
    [InlineData(5, 4_999_999, VerdictStatus.NotMet)]
    [InlineData(6, 2_000_000, VerdictStatus.Met)]
    [InlineData(11, 1_999_999, VerdictStatus.NotMet)]
    [InlineData(6, 4_999_999, VerdictStatus.Met)]
    public void Joint_sites_1_to_5_need_50000_yuan_and_6_to_11_need_20000(int number, long raisedFen, VerdictStatus expected)
    {
        var facts = AllMet(number: number) with { FundraisingFenByMonth = new Dictionary<int, long> { [202312] = raisedFen } };
        var verdict = Assert.Single(Standard(facts, 6).Requirements);
        Assert.Equal(expected, verdict.Status);
        Assert.Equal(number <= 5 ? "每项目年度 ≥ 50,000.00 元" : "每项目年度 ≥ 20,000.00 元", verdict.Required);
        Assert.StartsWith("第 1 项目年度（2023-07-01 至 2024-06-30）已筹", verdict.Actual);
        if (raisedFen == 4_999_999 && number == 5)
            Assert.Equal("第 1 项目年度还差 0.01 元；按已过 5 个月的进度应筹 20,833.33 元，进度正常", verdict.Gap);
    }

    [Fact]
    public void Numbers_the_notice_does_not_state_are_shown_as_system_settings_and_the_notices_own_are_not()
    {
        var system = Tianjin.Standards.SelectMany(s => s.Requirements).Where(r => r.ThresholdIsSystemSetting).Select(r => r.Metric).ToHashSet();
        Assert.Equal(new HashSet<StandardMetric> { StandardMetric.SpecialHardshipServiceActivities, StandardMetric.ResearchTopics,
            StandardMetric.CaseWriteUps, StandardMetric.MediaReports }, system);
        var facts = AllMet();
        Assert.All(Standard(facts, 3).Requirements, v => Assert.EndsWith("（数量为系统设定）", v.Clause));
        Assert.All(Standard(facts, 7).Requirements, v => Assert.Contains("系统设定", v.Clause));
        Assert.All(Standard(facts, 2).Requirements.Concat(Standard(facts, 4).Requirements), v => Assert.DoesNotContain("系统设定", v.Clause));
    }

    [Theory]
    [InlineData(0L, true, VerdictStatus.NotMet)]      // "应撬动一定数额": nothing raised is not met
    [InlineData(1L, true, VerdictStatus.Met)]         // 0.01 元 — "额度不做限定": any amount
    [InlineData(500_000_000L, true, VerdictStatus.Met)]
    [InlineData(0L, false, VerdictStatus.NoData)]     // no submitted report: no data, never met
    public void District_sites_must_raise_some_money_with_no_floor(long raisedFen, bool reported, VerdictStatus expected)
    {
        var facts = AllMet(SiteTier.DistrictLevel, null) with
        {
            FundraisingFenByMonth = raisedFen == 0 ? new Dictionary<int, long>() : new Dictionary<int, long> { [202312] = raisedFen },
            HasReport = reported,
        };
        var standard = Standard(facts, 6);
        var verdict = Assert.Single(standard.Requirements);
        Assert.Equal(expected, verdict.Status);
        Assert.Equal("每项目年度 > 0.00 元（应撬动一定数额，额度不做限定）", verdict.Required);
        Assert.Equal(expected == VerdictStatus.Met, standard.Met);
        Assert.Contains("三（六）", verdict.Clause);
    }

    [Fact]
    public void In_kind_gifts_count_and_years_split_at_midnight_in_Shanghai()
    {
        var (site, _) = SiteWithReport(3);
        var cst = TimeSpan.FromHours(8);
        var ids = site.Communities.Select(c => c.Id).ToList();
        // A report may carry gifts of the months before it; none may be dated after its period.
        var december = ProgressReport.Open(site, 2023, 12, 1, Station, new DateTimeOffset(2023, 12, 31, 23, 59, 30, cst));
        december.Update(Station, Content(site) with
        {
            Donations = new[]
            {
                new DonationEntry(Guid.NewGuid(), new DateTimeOffset(2023, 6, 1, 10, 0, 0, cst), "某公司", DonationKind.Cash, "", 3_000_000),
                new DonationEntry(Guid.NewGuid(), new DateTimeOffset(2023, 12, 31, 23, 59, 0, cst), "某超市", DonationKind.InKind, "米面油 100 份", 2_000_000),
            },
        }, ids);
        december.Submit(Station, new DateTimeOffset(2023, 12, 31, 23, 59, 30, cst), ids);
        var january = ProgressReport.Open(site, 2024, 1, 1, Station, new DateTimeOffset(2024, 1, 31, 17, 0, 0, cst));
        january.Update(Station, Content(site) with
        {
            Donations = new[] { new DonationEntry(Guid.NewGuid(), new DateTimeOffset(2024, 1, 1, 0, 0, 0, cst), "居民", DonationKind.Cash, "", 10_000) },
        }, ids);
        january.Submit(Station, new DateTimeOffset(2024, 1, 31, 17, 0, 0, cst), ids);
        var reports = new[] { december, january };

        var facts = SiteFactsBuilder.Build(site, reports, new DateOnly(2024, 1, 31));
        Assert.Equal(new Dictionary<int, long> { [202306] = 3_000_000, [202312] = 2_000_000, [202401] = 10_000 }, facts.FundraisingFenByMonth);
        Assert.Equal(2023, new DonationEntry(Guid.Empty, new DateTimeOffset(2023, 12, 31, 15, 59, 0, TimeSpan.Zero), "x", DonationKind.Cash, "", 1).Year);
        Assert.Equal(2024, new DonationEntry(Guid.Empty, new DateTimeOffset(2023, 12, 31, 16, 0, 0, TimeSpan.Zero), "x", DonationKind.Cash, "", 1).Year);

        Assert.Equal(12, new DonationEntry(Guid.Empty, new DateTimeOffset(2023, 12, 31, 15, 59, 0, TimeSpan.Zero), "x", DonationKind.Cash, "", 1).Month);
        Assert.Equal(1, new DonationEntry(Guid.Empty, new DateTimeOffset(2023, 12, 31, 16, 0, 0, TimeSpan.Zero), "x", DonationKind.Cash, "", 1).Month);

        // By calendar year the 5 万 of 2023 do not count in January 2024; by project year (Tianjin) they do.
        var calendar = ByCalendarYear();
        Assert.Equal(VerdictStatus.Met, ComplianceEngine.Evaluate(calendar, SiteFactsBuilder.Build(site, reports, new DateOnly(2023, 12, 31)), new DateOnly(2023, 12, 31))
            .Standards.Single(s => s.Number == 6).Status);
        Assert.Equal(VerdictStatus.NotMet, ComplianceEngine.Evaluate(calendar, facts, new DateOnly(2024, 1, 31))
            .Standards.Single(s => s.Number == 6).Status);
        Assert.Equal(VerdictStatus.Met, ComplianceEngine.Evaluate(Tianjin, facts, new DateOnly(2024, 1, 31))
            .Standards.Single(s => s.Number == 6).Status);
    }

    [Fact]
    public void Fewer_than_2_communities_or_2_social_workers_fail_standard_2()
    {
        var oneCommunity = AllMet() with { CoveredCommunities = 1, Communities = new[] { Community() } };
        Assert.Equal(VerdictStatus.NotMet, Standard(oneCommunity, 2).Status);
        Assert.Contains(Standard(oneCommunity, 2).Requirements, r => r.Gap == "还差 1 个辐射社区");

        var oneWorker = AllMet() with { FullTimeSocialWorkers = 1 };
        Assert.Equal(VerdictStatus.NotMet, Standard(oneWorker, 2).Status);
        Assert.Contains(Standard(oneWorker, 2).Requirements, r => r.Gap == "还差 1 名专职社会工作者");

        var noCertified = AllMet() with { Communities = new[] { Community() with { CertifiedWorkers = 0 }, Community("乙社区") } };
        Assert.Contains(Standard(noCertified, 2).Requirements, r => r.Scope == "甲社区" && r.Gap == "还差 1 名参与项目的持证社区工作者");
    }

    [Theory]
    [InlineData(4, VerdictStatus.NotMet)]
    [InlineData(5, VerdictStatus.Met)]
    public void Four_organisations_fail_standard_4(int organisations, VerdictStatus expected)
    {
        var verdict = Assert.Single(Standard(AllMet() with { Organisations = organisations }, 4).Requirements);
        Assert.Equal(expected, verdict.Status);
        Assert.Equal("≥ 5 个", verdict.Required);
        Assert.Equal($"{organisations} 个", verdict.Actual);
        if (expected == VerdictStatus.NotMet) Assert.Equal("还差 1 个社区社会组织", verdict.Gap);
    }

    [Fact]
    public void A_fund_without_public_fundraising_status_or_none_at_all_fails_standard_1()
    {
        Assert.Equal(VerdictStatus.NotMet, Standard(AllMet() with { FundCharityHasPublicFundraisingStatus = false }, 1).Status);
        Assert.Equal("尚未设立社区基金", Assert.Single(Standard(AllMet() with { FundEstablished = false }, 1).Requirements).Gap);
    }

    [Fact]
    public void A_site_without_reports_has_no_data_and_is_not_complete()
    {
        var result = ComplianceEngine.Evaluate(Tianjin, SiteFacts.NoReports(SiteTier.CityDistrictJoint, 3, new[] { "甲社区", "乙社区" }, null), AsOf);
        Assert.Equal(0, result.MetCount);
        Assert.All(result.Standards, s => Assert.Equal(VerdictStatus.NoData, s.Status));
        Assert.Contains(result.Standards.SelectMany(s => s.Requirements), r => r.Gap == "尚无已提交的进展报告");
    }

    [Fact]
    public void Draft_reports_do_not_count()
    {
        var (site, report) = SiteWithReport(3);
        report.Update(Station, Content(site), site.Communities.Select(c => c.Id).ToList());
        Assert.False(SiteFactsBuilder.Build(site, new[] { report }, AsOf).HasReport);
    }

    private static readonly DateTimeOffset Now = new(2023, 9, 15, 9, 0, 0, TimeSpan.FromHours(8));
    private const int SiteId = 7;
    private static readonly Actor Station = new(5, "服务站", UserRole.StreetStation, 1, SiteId);

    internal static (Site, ProgressReport) SiteWithReport(int jointNumber)
    {
        var site = Site.DesignateJointSite(1, 1, jointNumber, "桃园街道", new[] { "广顺园社区", "津港路社区" }, Seeded.Rules, Now);
        typeof(Site).GetProperty(nameof(Site.Id))!.SetValue(site, SiteId);
        for (var i = 0; i < site.Communities.Count; i++)
            typeof(WuShe.Domain.Sites.Community).GetProperty("Id")!.SetValue(site.Communities[i], 100 + i);
        return (site, ProgressReport.Open(site, 2023, 9, 1, Station, Now));
    }

    internal static ReportContent Content(Site site) => ReportContent.Empty with
    {
        FullTimeSocialWorkers = 2,
        Communities = site.Communities.Select(c => new CommunityFigures(c.Id, 1, 1, 1, 10000, 1500, 600)).ToList(),
    };
}
