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

        var current = await Service<EvaluationQueries>().RubricAsync();
        Assert.False(current.IsSystemDefault);
        Assert.Equal(100, current.MaxPoints);
        var view = await Service<EvaluationQueries>().ForSiteAsync(officerScope, id);
        Assert.True(view.Evaluations.Single(e => e.Id == mid).Rubric.IsSystemDefault);
        await using var db = NewContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "修改评估指标"));
    }
}
