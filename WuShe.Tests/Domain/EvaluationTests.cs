using WuShe.Tests.Support;
using WuShe.Domain.Accounts;
using WuShe.Domain.Common;
using WuShe.Domain.Evaluations;
using WuShe.Domain.Sites;

namespace WuShe.Tests.Domain;

public class EvaluationTests
{
    private static readonly DateTimeOffset Now = new(2023, 12, 10, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly Actor Officer = new(3, "和平区民政局", UserRole.DistrictOfficer, 10);
    private static readonly Actor City = new(1, "市民政局", UserRole.CityAdministrator, null);
    private static readonly Actor ExpertA = new(21, "专家甲", UserRole.CityEvaluator, null);
    private static readonly Actor ExpertB = new(22, "专家乙", UserRole.CityEvaluator, null);

    private static Site DistrictSite(SiteState state = SiteState.InProgress)
    {
        var site = Site.DraftApplication(1, 10, Officer, SiteLifecycleTests.Valid(), Now);
        typeof(Site).GetProperty(nameof(Site.State))!.SetValue(site, state);
        return site;
    }

    private static Site JointSite()
    {
        var site = Site.DesignateJointSite(1, 10, 2, "南市街道", new[] { "甲社区", "乙社区" }, Seeded.Rules, Now);
        typeof(Site).GetProperty(nameof(Site.State))!.SetValue(site, SiteState.InProgress);
        return site;
    }

    private static Dictionary<string, decimal> Scores(params decimal[] points) =>
        points.Select((p, i) => ($"d{i + 1}", p)).ToDictionary(x => x.Item1, x => x.p);

    private static Evaluation Completed(Site site, EvaluationPhase phase, Evaluation? midTerm = null)
    {
        var e = Evaluation.Open(site, phase, 1, Rubric.SystemDefault, Officer, Array.Empty<(int, string)>(), midTerm is null ? [] : [midTerm], Now);
        e.Score(Officer, Scores(18, 17, 16, 15, 14), "总体良好");
        e.Submit(Officer, site, Now);
        return e;
    }

    [Fact]
    public void No_final_evaluation_before_a_submitted_mid_term()
    {
        var site = DistrictSite();
        Assert.Contains("中期评估提交之后", Assert.Throws<DomainException>(() =>
            Evaluation.Open(site, EvaluationPhase.Final, 1, Rubric.SystemDefault, Officer, Array.Empty<(int, string)>(), [], Now)).Message);

        var draftMid = Evaluation.Open(site, EvaluationPhase.MidTerm, 1, Rubric.SystemDefault, Officer, Array.Empty<(int, string)>(), [], Now);
        typeof(Site).GetProperty(nameof(Site.State))!.SetValue(site, SiteState.MidTermEvaluated);
        Assert.Throws<DomainException>(() =>
            Evaluation.Open(site, EvaluationPhase.Final, 1, Rubric.SystemDefault, Officer, Array.Empty<(int, string)>(), [draftMid], Now));
    }

    [Fact]
    public void Submitting_the_mid_term_records_it_on_the_site_and_then_no_edit_is_possible()
    {
        var site = DistrictSite();
        var mid = Completed(site, EvaluationPhase.MidTerm);
        Assert.Equal(SiteState.MidTermEvaluated, site.State);
        Assert.Equal(80m, mid.MeanScore);
        Assert.Contains("已提交，不能修改", Assert.Throws<DomainException>(() => mid.Score(Officer, Scores(20, 20, 20, 20, 20), "改分")).Message);
    }

    [Fact]
    public void A_return_needs_a_reason_and_reopens_the_sheet()
    {
        var site = DistrictSite();
        var mid = Completed(site, EvaluationPhase.MidTerm);
        var sheet = mid.Sheets.Single();
        Assert.Throws<FieldValidationException>(() => mid.Return(City, sheet.Id, " "));
        Assert.Throws<DomainException>(() => mid.Return(Officer, sheet.Id, "自己退回"));
        mid.Return(City, sheet.Id, "服务成效评分缺少依据");
        Assert.Equal(SheetState.Returned, sheet.State);
        mid.Score(Officer, Scores(18, 15, 16, 15, 14), "已补充依据");
        mid.Submit(Officer, site, Now);
        Assert.Equal(78m, mid.MeanScore);
    }

    [Fact]
    public void Wrong_roles_are_refused()
    {
        var other = Officer with { DistrictId = 11 };
        Assert.Throws<DomainException>(() => Evaluation.Open(DistrictSite(), EvaluationPhase.MidTerm, 1, Rubric.SystemDefault, other, Array.Empty<(int, string)>(), [], Now));
        Assert.Throws<DomainException>(() => Evaluation.Open(JointSite(), EvaluationPhase.MidTerm, 1, Rubric.SystemDefault, other, new[] { (21, "专家甲") }, [], Now));
        Assert.Throws<DomainException>(() => Evaluation.Open(JointSite(), EvaluationPhase.MidTerm, 1, Rubric.SystemDefault, ExpertA, new[] { (21, "专家甲") }, [], Now));
        var joint = Evaluation.Open(JointSite(), EvaluationPhase.MidTerm, 1, Rubric.SystemDefault, City, new[] { (21, "专家甲") }, [], Now);
        Assert.Contains("未被指派", Assert.Throws<DomainException>(() => joint.Score(ExpertB, Scores(10, 10, 10, 10, 10), "x")).Message);
        Assert.Throws<FieldValidationException>(() => joint.Score(ExpertA, Scores(21, 10, 10, 10, 10), "超过满分"));
    }

    [Fact]
    public void A_district_evaluates_its_joint_site_as_a_report_to_the_city_without_moving_the_site_or_deciding_acceptance()
    {
        var site = JointSite();
        // 五（三）: the district evaluates "本区创建点项目" — its joint sites too — on its own sheet, experts or not.
        var districtMid = Evaluation.Open(site, EvaluationPhase.MidTerm, 1, Rubric.SystemDefault, Officer, new[] { (21, "专家甲") }, [], Now);
        Assert.Equal(EvaluationBody.District, districtMid.Body);
        Assert.Equal(Officer.UserId, Assert.Single(districtMid.Sheets).EvaluatorUserId);
        districtMid.Score(Officer, Scores(16, 16, 16, 16, 16), "区级中期评估");
        districtMid.Submit(Officer, site, Now);
        Assert.True(districtMid.Complete);
        Assert.False(districtMid.Leads(site.Tier));
        Assert.Equal(SiteState.InProgress, site.State); // the city team's phases move a joint site, not the district's report

        // The city team's phases are separate: its own mid-term is still open to it, and it moves the site.
        Assert.Null(Evaluation.CannotOpenBecause(site, EvaluationPhase.MidTerm, City, []));
        var cityMid = Evaluation.Open(site, EvaluationPhase.MidTerm, 1, Rubric.SystemDefault, City, new[] { (21, "专家甲") }, [], Now);
        cityMid.Score(ExpertA, Scores(15, 15, 15, 15, 15), "市级中期评估");
        cityMid.Submit(ExpertA, site, Now);
        Assert.Equal(SiteState.MidTermEvaluated, site.State);

        // The district's final follows its own mid-term; a complete district final never decides 结项.
        var districtFinal = Evaluation.Open(site, EvaluationPhase.Final, 1, Rubric.SystemDefault, Officer, [], [districtMid], Now);
        districtFinal.Score(Officer, Scores(19, 19, 19, 19, 19), "区级末期评估");
        districtFinal.Submit(Officer, site, Now);
        Assert.Equal(SiteState.MidTermEvaluated, site.State);
        Assert.Contains("市级评估团队", Assert.Throws<DomainException>(() => AcceptanceDecision.Decide(site, districtFinal, true, "好", City, Now, "120101", Seeded.Clauses.Acceptance)).Message);
        Assert.Contains("已有中期评估", Evaluation.CannotOpenBecause(site, EvaluationPhase.MidTerm, Officer, [districtMid, districtFinal]));
    }

    [Fact]
    public void Several_evaluators_sheets_combine_as_the_mean_and_each_is_kept()
    {
        var site = JointSite();
        var e = Evaluation.Open(site, EvaluationPhase.MidTerm, 1, Rubric.SystemDefault, City, new[] { (21, "专家甲"), (22, "专家乙") }, [], Now);
        e.Score(ExpertA, Scores(18, 18, 16, 14, 14), "资源整合有待加强");
        e.Submit(ExpertA, site, Now);
        Assert.False(e.Complete);
        Assert.Equal(SiteState.InProgress, site.State);
        Assert.Equal(80m, e.MeanScore);

        e.Score(ExpertB, Scores(20, 19, 18, 17, 16), "成效显著");
        e.Submit(ExpertB, site, Now);
        Assert.True(e.Complete);
        Assert.Equal(85m, e.MeanScore);
        Assert.Equal("良好", e.Rubric.Grade(e.MeanScore!.Value));
        Assert.Equal(new decimal?[] { 19, 18.5m, 17, 15.5m, 15 }, e.DimensionScores.Select(d => d.Mean));
        Assert.Equal(new[] { 80m, 90m }, e.Sheets.Select(s => s.Total));
        Assert.Equal(SiteState.MidTermEvaluated, site.State);
        var recorded = site.Transitions.Last();
        Assert.Equal((22, "专家乙", UserRole.CityEvaluator), (recorded.UserId, recorded.UserName, recorded.Role));
    }

    [Fact]
    public void Rectification_loops_back_to_a_new_final_round_then_acceptance()
    {
        var site = DistrictSite();
        var mid = Completed(site, EvaluationPhase.MidTerm);
        var final = Completed(site, EvaluationPhase.Final, mid);
        Assert.Equal(SiteState.FinalEvaluated, site.State);

        Assert.Throws<DomainException>(() => AcceptanceDecision.Decide(site, final, true, "好", Officer, Now, "120101", Seeded.Clauses.Acceptance));
        var rectify = AcceptanceDecision.Decide(site, final, false, "筹款资料不完整", City, Now, "120101", Seeded.Clauses.Acceptance);
        Assert.Equal(("整改", SiteState.Rectification), (rectify.Conclusion, site.State));

        var round2 = Evaluation.Open(site, EvaluationPhase.Final, 2, Rubric.SystemDefault, Officer, Array.Empty<(int, string)>(), [mid, final], Now);
        round2.Score(Officer, Scores(19, 18, 18, 18, 17), "整改到位");
        round2.Submit(Officer, site, Now);
        var accepted = AcceptanceDecision.Decide(site, round2, true, "七项标准全部达标，评估优秀", City, Now, "120101", Seeded.Clauses.Acceptance);
        Assert.Equal(SiteState.Accepted, site.State);
        Assert.StartsWith("WS-2023-120101-", accepted.DocumentNumber);
        Assert.Equal("优秀", round2.Rubric.Grade(round2.MeanScore!.Value));
    }

    [Theory]
    [InlineData(12, 12, 12, 12, 11.99, false)] // 59.99: below the pass mark of 60
    [InlineData(12, 12, 12, 12, 12, true)]     // exactly 60: 合格
    [InlineData(20, 20, 20, 20, 20, true)]
    public void Acceptance_follows_a_passing_final_score_and_rectification_is_always_open(decimal a, decimal b, decimal c, decimal d, decimal e, bool acceptable)
    {
        var site = DistrictSite();
        var mid = Completed(site, EvaluationPhase.MidTerm);
        var final = Evaluation.Open(site, EvaluationPhase.Final, 1, Rubric.SystemDefault, Officer, Array.Empty<(int, string)>(), [mid], Now);
        final.Score(Officer, Scores(a, b, c, d, e), "末期评估");
        final.Submit(Officer, site, Now);

        Assert.Equal(acceptable, AcceptanceDecision.WhyNotAcceptable(final, Seeded.Clauses.Acceptance) is null);
        if (acceptable)
        {
            Assert.Equal("通过结项", AcceptanceDecision.Decide(site, final, true, "合格", City, Now, "120101", Seeded.Clauses.Acceptance).Conclusion);
            Assert.Equal(SiteState.Accepted, site.State);
            return;
        }
        var refused = Assert.Throws<DomainException>(() => AcceptanceDecision.Decide(site, final, true, "想结项", City, Now, "120101", Seeded.Clauses.Acceptance));
        Assert.Contains("59.99 分", refused.Message);
        Assert.Contains("合格线 60 分", refused.Message);
        Assert.Contains("五（三）", refused.Message);
        Assert.Equal(SiteState.FinalEvaluated, site.State);
        Assert.Equal("整改", AcceptanceDecision.Decide(site, final, false, "服务成效不足，整改", City, Now, "120101", Seeded.Clauses.Acceptance).Conclusion);
        Assert.Equal(SiteState.Rectification, site.State);
    }

    [Theory]
    [InlineData(59.99, "不合格")]
    [InlineData(60, "合格")]
    [InlineData(80, "良好")]
    [InlineData(90, "优秀")]
    public void The_default_rubric_is_5_by_20_with_its_bands(decimal score, string grade)
    {
        var rubric = Rubric.SystemDefault;
        Assert.True(rubric.IsSystemDefault);
        Assert.Equal(100, rubric.MaxPoints);
        Assert.Equal(new[] { "项目实施情况", "服务成效", "社会参与", "资源整合", "社会效益" }, rubric.Dimensions.Select(d => d.Name));
        Assert.Equal(grade, rubric.Grade(score));
        Assert.Empty(rubric.Validate());
        Assert.NotEmpty((rubric with { PassMark = 120 }).Validate());
    }

    [Fact]
    public void Submitting_needs_every_item_scored_and_a_comment()
    {
        var site = DistrictSite();
        var e = Evaluation.Open(site, EvaluationPhase.MidTerm, 1, Rubric.SystemDefault, Officer, Array.Empty<(int, string)>(), [], Now);
        e.Score(Officer, new Dictionary<string, decimal> { ["d1"] = 10 }, "");
        var missing = Assert.Throws<FieldValidationException>(() => e.Submit(Officer, site, Now));
        Assert.Equal(4, missing.Errors.Count);
        e.Score(Officer, Scores(10, 10, 10, 10, 10), "");
        Assert.Equal("Comment", Assert.Single(Assert.Throws<FieldValidationException>(() => e.Submit(Officer, site, Now)).Errors).Field);
    }
}
