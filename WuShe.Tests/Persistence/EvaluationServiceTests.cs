using Microsoft.EntityFrameworkCore;
using WuShe.App.Evaluations;
using WuShe.App.Sites;
using WuShe.Domain.Common;
using WuShe.Domain.Evaluations;
using WuShe.Tests.Domain;
using WuShe.Tests.Support;

namespace WuShe.Tests.Persistence;

public class EvaluationServiceTests : SeededApp
{
    [Fact]
    public async Task The_city_edits_the_rubric_and_evaluations_already_opened_keep_theirs()
    {
        var (officer, officerScope) = await UserAsync("binhai");
        var (admin, adminScope) = await UserAsync("admin");
        var sites = Service<SiteApplications>();
        var id = await sites.CreateDraftAsync(officer, officerScope, SiteLifecycleTests.Valid());
        await sites.ApproveAsync(admin, adminScope, id, await sites.SubmitAsync(officer, officerScope, id, 1));
        var evaluations = Service<EvaluationApplications>();
        var mid = await evaluations.OpenAsync(officer, officerScope, id, EvaluationPhase.MidTerm, Array.Empty<int>());

        var tooHigh = Rubric.SystemDefault with { PassMark = 120 };
        Assert.Contains(Assert.Throws<FieldValidationException>(() => evaluations.ChangeRubricAsync(admin, adminScope, tooHigh).GetAwaiter().GetResult()).Errors,
            e => e.Field == "PassMark");
        await Assert.ThrowsAsync<DomainException>(() => evaluations.ChangeRubricAsync(officer, officerScope, Rubric.SystemDefault));

        var weighted = new Rubric(new[]
        {
            new RubricDimension("项目实施情况", new[] { new RubricItem("a", "进度", 30) }),
            new RubricDimension("服务成效", new[] { new RubricItem("b", "受益人数", 40), new RubricItem("c", "满意度", 30) }),
        }, 70, new[] { new GradeBand("优秀", 95), new GradeBand("良好", 85), new GradeBand("合格", 70) }, IsSystemDefault: true);
        await evaluations.ChangeRubricAsync(admin, adminScope, weighted);

        var current = await Service<EvaluationQueries>().RubricAsync(adminScope);
        Assert.False(current.IsSystemDefault);
        Assert.Equal(100, current.MaxPoints);
        var view = await Service<EvaluationQueries>().ForSiteAsync(officerScope, id);
        Assert.True(view.Evaluations.Single(e => e.Id == mid).Rubric.IsSystemDefault);
        await using var db = NewContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "修改评估指标"));
    }

    [Fact]
    public async Task A_district_evaluation_of_its_joint_site_is_reported_to_the_city_and_printed_in_the_acceptance_report()
    {
        var (officer, officerScope) = await UserAsync("heping");
        var (admin, adminScope) = await UserAsync("admin");
        var siteId = await SiteIdAsync("南市街道");
        int version;
        await using (var db = NewContext()) version = (await db.Sites.SingleAsync(s => s.Id == siteId)).Version;
        // A joint site's details are completed by its district before creation starts.
        await Service<SiteApplications>().SaveDraftAsync(officer, officerScope, siteId, version, SiteLifecycleTests.Valid() with { Street = "南市街道",
            Communities = new[] { "新文化社区", "庆有西里社区", "怀远里社区" }.Select(n => new WuShe.Domain.Sites.CommunityEntry(n, 8000, "社区台账", 2023)).ToList() });
        await using (var db = NewContext()) version = (await db.Sites.SingleAsync(s => s.Id == siteId)).Version;
        await Service<SiteApplications>().StartCreationAsync(officer, officerScope, siteId, version);

        var evaluations = Service<EvaluationApplications>();
        var before = await Service<EvaluationQueries>().ForSiteAsync(officerScope, siteId, default, officer);
        Assert.Equal(new[] { EvaluationPhase.MidTerm }, before.Openable);
        var id = await evaluations.OpenAsync(officer, officerScope, siteId, EvaluationPhase.MidTerm, Array.Empty<int>());
        var v = await evaluations.ScoreAsync(officer, officerScope, id, 0, Enumerable.Range(1, 5).ToDictionary(i => $"d{i}", _ => 17m), "区级中期评估：推进有力");
        await evaluations.SubmitAsync(officer, officerScope, id, v);

        var seenByCity = await Service<EvaluationQueries>().ForSiteAsync(adminScope, siteId, default, admin);
        var reported = Assert.Single(seenByCity.Evaluations);
        Assert.Equal("区民政局中期评估（报送市民政局）", reported.Title);
        Assert.Equal(85m, reported.Score);
        Assert.Equal("创建中", seenByCity.StateLabel);                    // the city team's phases move the joint site
        Assert.Contains(EvaluationPhase.MidTerm, seenByCity.Openable!);   // and the city's own mid-term is still to come
        await Assert.ThrowsAsync<DomainException>(() => evaluations.DecideAsync(admin, adminScope, siteId, true, "结项"));

        var (pdf, _) = await Service<WuShe.App.Reports.ReportService>().AcceptancePdfAsync(adminScope, siteId);
        Assert.Contains("区民政局中期评估（报送市民政局）", PdfTools.Text(pdf));
    }
}
