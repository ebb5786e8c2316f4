using WuShe.Tests.Support;
using WuShe.App.Data.Seeding;
using WuShe.Domain.Alerts;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Compliance;
using WuShe.Domain.Sites;

namespace WuShe.Tests.Domain;

/// <summary>Each rule the day before, the day of and the day after its deadline, and at the lead-time edge.</summary>
public class AlertRulesTests
{
    private static readonly Campaign Tianjin = CampaignSeeder.ToCampaign(
        CampaignSeedReader.Read(Path.Combine(AppContext.BaseDirectory, "seed-data", "tianjin-2023")).Campaign);
    private static readonly AlertSettings Settings = new(LeadDays: 30, ReportDueDays: 10);

    private static DistrictAlertInput District(int complete, int quota = 3) =>
        new(1, "120101", "和平区", quota, Every(complete), QuotaLedger.For(quota, quota * 2, Array.Empty<SiteQuotaLine>(), Seeded.Rules));

    /// <summary>The same count of complete sites on every day of the campaign.</summary>
    private static Dictionary<DateOnly, int> Every(int complete) =>
        Enumerable.Range(0, 4 * 366).ToDictionary(i => new DateOnly(2023, 1, 1).AddDays(i), _ => complete);

    private static AlertInputs Inputs(IEnumerable<DistrictAlertInput>? districts = null, IEnumerable<SiteAlertInput>? sites = null,
        IEnumerable<EvaluationDue>? evaluations = null) =>
        new(Tianjin, (districts ?? new[] { District(0) }).ToList(), (sites ?? Array.Empty<SiteAlertInput>()).ToList(),
            (evaluations ?? Array.Empty<EvaluationDue>()).ToList());

    /// <summary>Joint site 2 (floor 5 万元, fundraising on pace); the fundraising rules are tested in <see cref="FundraisingYearTests"/>.</summary>
    private static SiteAlertInput Site(DateOnly? from = null, params DateOnly[] submitted)
    {
        var facts = SiteFacts.NoReports(SiteTier.CityDistrictJoint, 2, new[] { "甲社区", "乙社区" }, new DateOnly(2023, 7, 1)) with
        {
            FundraisingFenByMonth = new Dictionary<int, long> { [202307] = 5_000_000 },
        };
        var (now, last) = SiteAlertInput.FundraisingFor(Tianjin, facts, new DateOnly(2024, 5, 20));
        return new(7, 1, "南市街道", SiteTier.CityDistrictJoint, 2, from ?? new DateOnly(2023, 7, 1), submitted.ToHashSet(),
            new SiteCompliance(default, 2024, Array.Empty<StandardVerdict>()), now, last);
    }

    private static AlertFinding[] Run(AlertInputs inputs, string day, Func<AlertInputs, DateOnly, IEnumerable<AlertFinding>> rule) =>
        rule(inputs, DateOnly.Parse(day)).ToArray();

    [Theory]
    [InlineData("2023-10-30", null)]                      // 31 days before: outside the lead time
    [InlineData("2023-10-31", AlertSeverity.Warning)]     // lead-time edge: 30 days before
    [InlineData("2023-11-29", AlertSeverity.Warning)]     // day before
    [InlineData("2023-11-30", AlertSeverity.Warning)]     // day of: still in time
    [InlineData("2023-12-01", AlertSeverity.Critical)]    // day after
    public void Milestone_50_percent_by_2023_11_30(string day, AlertSeverity? expected)
    {
        var found = Run(Inputs(new[] { District(complete: 1, quota: 3) }), day, (i, d) => AlertRules.Milestones(i, d, Settings))
            .Where(f => f.Period == "2023-11-30").ToArray();
        if (expected is null) { Assert.Empty(found); return; }
        var district = found.Single(f => f.Scope == AlertScope.District);
        Assert.Equal(expected, district.Severity);
        Assert.Contains("已完成 1 / 3（33.3%），还差 1 个", district.Numbers);
        Assert.StartsWith("二", district.Clause);
        Assert.Equal(expected, found.Single(f => f.Scope == AlertScope.City).Severity);
    }

    [Fact]
    public void A_passed_milestone_keeps_the_verdict_of_its_due_date_whatever_is_completed_later()
    {
        // 1 of 3 complete on 2023-11-30 (50 % needed); all 3 complete by 2024-01-10.
        var completeOn = Every(3);
        completeOn[new DateOnly(2023, 11, 30)] = 1;
        var district = new DistrictAlertInput(1, "120101", "和平区", 3, completeOn, QuotaLedger.For(3, 6, Array.Empty<SiteQuotaLine>(), Seeded.Rules));
        var found = Run(Inputs(new[] { district }), "2024-01-10", (i, d) => AlertRules.Milestones(i, d, Settings)).Where(f => f.Period == "2023-11-30").ToArray();
        var late = found.Single(f => f.Scope == AlertScope.District);
        Assert.Equal(AlertSeverity.Critical, late.Severity);
        Assert.Contains("截至 2023-11-30（节点日）已完成 1 / 3", late.Numbers);

        var progress = MilestoneProgress.Of(Tianjin.Milestones, new DateOnly(2024, 1, 10), 3, day => completeOn[day]);
        Assert.Equal((1, true, false), (progress[0].CompleteSites, progress[0].Settled, progress[0].Reached));
        Assert.Equal(new DateOnly(2024, 1, 10), progress[^1].JudgedOn); // a milestone still ahead is projected from today
        Assert.Equal(3, progress[^1].CompleteSites);
    }

    [Fact]
    public void A_milestone_reached_raises_nothing()
    {
        Assert.DoesNotContain(Run(Inputs(new[] { District(complete: 2, quota: 3) }), "2023-12-01", (i, d) => AlertRules.Milestones(i, d, Settings)),
            f => f.Period == "2023-11-30");
    }

    [Theory]
    [InlineData("2024-04-09", null)]                      // day before the due date (03-31 + 10)
    [InlineData("2024-04-10", null)]                      // day of
    [InlineData("2024-04-11", AlertSeverity.Warning)]     // day after
    [InlineData("2024-05-11", AlertSeverity.Critical)]    // a month late
    public void A_march_report_is_due_ten_days_after_the_month(string day, AlertSeverity? expected)
    {
        var months = Enumerable.Range(0, 8).Select(i => new DateOnly(2023, 7, 1).AddMonths(i)).ToArray(); // 2023-07 … 2024-02 submitted
        var found = Run(Inputs(sites: new[] { Site(submitted: months) }), day, (i, d) => AlertRules.ReportsOverdue(i, d, Settings))
            .Where(f => f.Period == "2024-03").ToArray();
        if (expected is null) { Assert.Empty(found); return; }
        Assert.Equal(expected, Assert.Single(found).Severity);
        Assert.Contains("应于 2024-04-10 前提交", found[0].Numbers);
    }

    [Theory]
    [InlineData("2023-12-01", true)]    // in creation before the due date: owes it
    [InlineData("2023-12-31", true)]    // from the due date itself
    [InlineData("2024-01-01", false)]   // began after it: owes nothing by it
    [InlineData("2024-05-01", false)]
    public void Only_a_site_in_creation_by_the_due_date_owes_that_evaluation(string creationStart, bool owed)
    {
        var due = new EvaluationDue(7, 1, "新街道", "中期", new DateOnly(2023, 12, 31), Submitted: false, DateOnly.Parse(creationStart));
        var found = Run(Inputs(evaluations: new[] { due }), "2024-05-20", (i, d) => AlertRules.EvaluationsOverdue(i, d, Settings));
        Assert.Equal(owed, found.Length == 1);
    }

    [Fact]
    public void Alerts_cite_the_campaigns_own_clauses()
    {
        var due = new EvaluationDue(7, 1, "南市街道", "中期", new DateOnly(2024, 1, 15), Submitted: false);
        var tianjin = Assert.Single(Run(Inputs(evaluations: new[] { due }), "2024-01-16", (i, d) => AlertRules.EvaluationsOverdue(i, d, Settings)));
        Assert.Equal("五（三）：各区民政局做好中期、末期评估，并将评估结果报送市民政局", tianjin.Clause);

        var other = Seeded.Tianjin();
        other.SetNoticeClauses(other.Clauses with { Evaluation = "六（二）：组织中期评估" });
        var inputs = new AlertInputs(other, new[] { District(0) }, Array.Empty<SiteAlertInput>(), new[] { due });
        Assert.Equal("六（二）：组织中期评估", Assert.Single(AlertRules.EvaluationsOverdue(inputs, new DateOnly(2024, 1, 16), Settings)).Clause);
    }

    [Theory]
    [InlineData("2023-12-15", null)]
    [InlineData("2023-12-16", AlertSeverity.Warning)]     // lead-time edge
    [InlineData("2024-01-15", AlertSeverity.Warning)]     // day of
    [InlineData("2024-01-16", AlertSeverity.Critical)]    // day after
    public void An_evaluation_not_submitted_by_its_due_date(string day, AlertSeverity? expected)
    {
        var due = new EvaluationDue(7, 1, "南市街道", "中期", new DateOnly(2024, 1, 15), Submitted: false);
        var found = Run(Inputs(evaluations: new[] { due }), day, (i, d) => AlertRules.EvaluationsOverdue(i, d, Settings));
        Assert.Equal(expected, found.SingleOrDefault()?.Severity);
        Assert.Empty(Run(Inputs(evaluations: new[] { due with { Submitted = true } }), "2024-02-01", (i, d) => AlertRules.EvaluationsOverdue(i, d, Settings)));
    }

    [Fact]
    public void Failing_requirements_become_site_and_community_alerts_with_their_numbers()
    {
        var facts = SiteFacts.NoReports(SiteTier.CityDistrictJoint, 2, new[] { "甲社区", "乙社区" }, null) with
        {
            HasReport = true, FullTimeSocialWorkers = 1, FundEstablished = true, FundCharityHasPublicFundraisingStatus = true,
            Communities = new[] { new CommunityFacts("甲社区", 1, 1, 1, 10000, 1499, 600), new CommunityFacts("乙社区", 1, 1, 1, 10000, 1500, 600) },
        };
        var compliance = ComplianceEngine.Evaluate(Tianjin, facts, new DateOnly(2024, 5, 20));
        var site = Site() with { Compliance = compliance };
        var found = AlertRules.StandardsFailing(Inputs(sites: new[] { site })).ToList();
        var volunteers = Assert.Single(found, f => f.Scope == AlertScope.Community);
        Assert.Equal("site:7:community:甲社区", volunteers.ScopeKey);
        Assert.Contains("还差 1 名注册志愿者", volunteers.Numbers);
        Assert.Equal("三（五）", volunteers.Clause);
        Assert.Contains(found, f => f.Scope == AlertScope.Site && f.Numbers.Contains("还差 1 名专职社会工作者"));
    }

    [Fact]
    public void An_infeasible_quota_is_a_district_warning()
    {
        var heping = new DistrictAlertInput(1, "120101", "和平区", 3, Every(0), QuotaLedger.For(3, 6, new[] { new SiteQuotaLine(1, SiteState.Approved, 3) }, Seeded.Rules));
        var finding = Assert.Single(AlertRules.Quotas(Inputs(new[] { heping })));
        Assert.Equal(AlertSeverity.Warning, finding.Severity);
        Assert.Contains("缺 1 个", finding.Numbers);
    }
}
