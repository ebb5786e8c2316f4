using WuShe.App.Data.Seeding;
using WuShe.Domain.Alerts;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Compliance;
using WuShe.Domain.Sites;

namespace WuShe.Tests.Domain;

/// <summary>
/// 三（六）'s "每年" under each fundraising-year setting: the completion verdict, the pace alert and the year-end alert read
/// one <see cref="FundraisingStanding"/>, so they judge the same year and agree in every row.
/// </summary>
public class FundraisingYearTests
{
    private static Campaign Campaign(FundraisingYearBasis basis)
    {
        var c = CampaignSeeder.ToCampaign(CampaignSeedReader.Read(Path.Combine(AppContext.BaseDirectory, "seed-data", "tianjin-2023")).Campaign);
        if (basis != c.FundraisingYearBasis) c.SetFundraisingYear(basis, "测试");
        return c;
    }

    [Fact]
    public void Tianjin_counts_by_project_year_and_says_why()
    {
        var tianjin = Campaign(FundraisingYearBasis.ProjectYear);
        Assert.Equal(FundraisingYearBasis.ProjectYear, tianjin.FundraisingYearBasis);
        Assert.Contains("创建期内要筹两倍", tianjin.FundraisingYearReason);
        Assert.StartsWith("三（六）“每年”按项目年度计", tianjin.FundraisingYearRule);
    }

    [Theory]
    [InlineData(FundraisingYearBasis.ProjectYear, "2023-07-01", "2023-06-15", 1, "2023-07-01", "2024-06-30")] // before the start: year 1
    [InlineData(FundraisingYearBasis.ProjectYear, "2023-07-01", "2024-06-30", 1, "2023-07-01", "2024-06-30")]
    [InlineData(FundraisingYearBasis.ProjectYear, "2023-07-01", "2024-07-01", 2, "2024-07-01", "2025-06-30")]
    [InlineData(FundraisingYearBasis.ProjectYear, "2024-03-01", "2026-02-28", 2, "2025-03-01", "2026-02-28")]
    [InlineData(FundraisingYearBasis.CalendarYear, "2023-07-01", "2023-12-31", 1, "2023-01-01", "2023-12-31")]
    [InlineData(FundraisingYearBasis.CalendarYear, "2023-07-01", "2024-01-01", 2, "2024-01-01", "2024-12-31")]
    public void A_day_falls_in_one_fundraising_year(FundraisingYearBasis basis, string start, string day, int number, string from, string to)
    {
        var year = FundraisingYear.Containing(basis, DateOnly.Parse(start), DateOnly.Parse(day));
        Assert.Equal((number, DateOnly.Parse(from), DateOnly.Parse(to)), (year.Number, year.Start, year.End));
        Assert.Equal(Enumerable.Range(1, number), FundraisingYear.Through(basis, DateOnly.Parse(start), DateOnly.Parse(day)).Select(y => y.Number));
    }

    [Fact]
    public void Year_one_takes_what_came_before_the_start_and_later_years_only_their_own_months()
    {
        var byMonth = new Dictionary<int, long> { [202306] = 1, [202307] = 10, [202406] = 100, [202407] = 1000 };
        var first = FundraisingYear.Containing(FundraisingYearBasis.ProjectYear, new DateOnly(2023, 7, 1), new DateOnly(2023, 7, 1));
        Assert.Equal(111, first.RaisedFen(byMonth));
        Assert.Equal(1000, FundraisingYear.Containing(FundraisingYearBasis.ProjectYear, new DateOnly(2023, 7, 1), new DateOnly(2024, 7, 1)).RaisedFen(byMonth));
    }

    /// <param name="months">yyyyMM=元 pairs, ";"-separated.</param>
    /// <param name="verdict">Completion verdict of 三（六） on <paramref name="day"/>.</param>
    /// <param name="pace">The pace alert's year key, or null when it does not fire.</param>
    /// <param name="belowFloor">The year-end alert's year key, or null.</param>
    [Theory]
    // The case: joint site 1, 5 万 in 2023 and 2.5 万 by June 2024.
    [InlineData(FundraisingYearBasis.ProjectYear, 1, "202308=50000;202403=25000", "2024-06-30", VerdictStatus.Met, null, null)]
    [InlineData(FundraisingYearBasis.CalendarYear, 1, "202308=50000;202403=25000", "2024-06-30", VerdictStatus.NotMet, null, null)]
    // The floor raised in the first calendar year only.
    [InlineData(FundraisingYearBasis.ProjectYear, 1, "202309=50000", "2024-03-15", VerdictStatus.Met, null, null)]
    [InlineData(FundraisingYearBasis.CalendarYear, 1, "202309=50000", "2024-03-15", VerdictStatus.NotMet, "2024", null)]
    [InlineData(FundraisingYearBasis.ProjectYear, 1, "202309=50000", "2024-07-15", VerdictStatus.NotMet, null, null)]
    [InlineData(FundraisingYearBasis.ProjectYear, 1, "202309=50000", "2024-09-01", VerdictStatus.NotMet, "2024-07", null)]
    [InlineData(FundraisingYearBasis.CalendarYear, 1, "202309=50000", "2025-01-01", VerdictStatus.NotMet, null, "2024")]
    // Behind the pace and below the floor at the end of a year.
    [InlineData(FundraisingYearBasis.ProjectYear, 1, "202308=10000", "2024-01-20", VerdictStatus.NotMet, "2023-07", null)]
    [InlineData(FundraisingYearBasis.ProjectYear, 1, "202308=25000", "2024-01-20", VerdictStatus.NotMet, null, null)]
    [InlineData(FundraisingYearBasis.ProjectYear, 1, "202309=40000", "2024-07-01", VerdictStatus.NotMet, null, "2023-07")]
    [InlineData(FundraisingYearBasis.CalendarYear, 1, "202309=40000", "2024-01-01", VerdictStatus.NotMet, null, "2023")]
    // Joint site 7 (floor 2 万).
    [InlineData(FundraisingYearBasis.ProjectYear, 7, "202312=20000", "2024-06-30", VerdictStatus.Met, null, null)]
    [InlineData(FundraisingYearBasis.ProjectYear, 7, "202312=19999.99", "2024-06-30", VerdictStatus.NotMet, null, null)]
    public void Verdict_pace_alert_and_year_end_alert_agree(FundraisingYearBasis basis, int jointNumber, string months, string day,
        VerdictStatus verdict, string? pace, string? belowFloor)
    {
        var campaign = Campaign(basis);
        var today = DateOnly.Parse(day);
        var facts = Facts(SiteTier.CityDistrictJoint, jointNumber, months);
        var requirement = ComplianceEngine.Evaluate(campaign, facts, today).Standards.Single(s => s.Number == 6).Requirements.Single();
        var alerts = Alerts(campaign, facts, today);

        Assert.Equal(verdict, requirement.Status);
        Assert.Equal(pace, alerts.SingleOrDefault(a => a.Rule == AlertRule.FundraisingPace)?.Period);
        Assert.Equal(belowFloor, alerts.SingleOrDefault(a => a.Rule == AlertRule.FundraisingBelowFloor)?.Period);

        // One standing behind both: the verdict names the year the alerts judge, and says 进度滞后 exactly when the pace alert fires.
        var standing = ComplianceEngine.FundraisingOf(campaign, facts, today);
        Assert.StartsWith(standing.Year.Label, requirement.Actual);
        Assert.Equal(pace is not null, requirement.Gap.Contains("进度滞后"));
        Assert.Equal(verdict == VerdictStatus.Met, standing.FloorReached);
        if (pace is not null)
            Assert.Contains($"应筹 {WuShe.Domain.Common.Money.FormatYuan(standing.ExpectedFen)}", alerts.Single(a => a.Rule == AlertRule.FundraisingPace).Numbers);
    }

    [Theory]
    [InlineData("", VerdictStatus.NotMet)]
    [InlineData("202405=0.01", VerdictStatus.Met)]
    public void District_sites_need_some_money_in_their_own_project_year_and_are_never_alerted(string months, VerdictStatus verdict)
    {
        var campaign = Campaign(FundraisingYearBasis.ProjectYear);
        // Approved 2024-03-20: creation starts in March 2024, so year 1 runs to February 2025.
        var facts = Facts(SiteTier.DistrictLevel, null, months, new DateOnly(2024, 3, 20));
        var today = new DateOnly(2024, 12, 1);
        var requirement = ComplianceEngine.Evaluate(campaign, facts, today).Standards.Single(s => s.Number == 6).Requirements.Single();
        Assert.Equal(verdict, requirement.Status);
        Assert.StartsWith("第 1 项目年度（2024-03-01 至 2025-02-28）", requirement.Actual);
        Assert.Empty(Alerts(campaign, facts, today));
    }

    [Fact]
    public void The_site_panel_lists_every_year_each_judged_to_its_end()
    {
        var campaign = Campaign(FundraisingYearBasis.ProjectYear);
        var facts = Facts(SiteTier.CityDistrictJoint, 1, "202308=40000;202408=10000");
        var history = ComplianceEngine.FundraisingHistory(campaign, facts, new DateOnly(2024, 9, 10));
        Assert.Equal(2, history.Count);
        Assert.Equal(("未达标，差 10,000.00 元", true), (history[0].Verdict, history[0].Closed));
        Assert.Equal(new DateOnly(2024, 6, 30), history[0].AsOf);
        Assert.Equal("还差 40,000.00 元（按已过 2 个月的进度应筹 8,333.33 元，进度正常）", history[1].Verdict);
    }

    private static SiteFacts Facts(SiteTier tier, int? number, string months, DateOnly? approvedOn = null) =>
        SiteFacts.NoReports(tier, number, new[] { "甲社区", "乙社区" }, approvedOn ?? new DateOnly(2023, 7, 1)) with
        {
            HasReport = true,
            FundraisingFenByMonth = months.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('='))
                .ToDictionary(p => int.Parse(p[0]), p => (long)(decimal.Parse(p[1]) * 100)),
        };

    private static List<AlertFinding> Alerts(Campaign campaign, SiteFacts facts, DateOnly today)
    {
        var (now, last) = SiteAlertInput.FundraisingFor(campaign, facts, today);
        var site = new SiteAlertInput(7, 1, "南市街道", facts.Tier, facts.JointSiteNumber, new DateOnly(2023, 7, 1), new HashSet<DateOnly>(),
            ComplianceEngine.Evaluate(campaign, facts, today), now, last);
        return AlertRules.Fundraising(new AlertInputs(campaign, Array.Empty<DistrictAlertInput>(), new[] { site }, Array.Empty<EvaluationDue>()), today).ToList();
    }
}
