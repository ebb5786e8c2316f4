using Microsoft.EntityFrameworkCore;
using WuShe.App.Campaigns;
using WuShe.App.Hosting;
using WuShe.App.Sites;
using WuShe.Domain.Sites;
using WuShe.Tests.Domain;
using WuShe.Tests.Support;

namespace WuShe.Tests.Persistence;

/// <summary>The lifecycle services on a real SQLite file: ledger, feasibility, audit, optimistic concurrency.</summary>
public class LifecycleServiceTests : SeededApp
{
    [Fact]
    public async Task Seeded_quotas_flag_heping_and_jizhou_with_the_numbers()
    {
        var (_, admin) = await UserAsync("admin");
        var overview = await Service<CampaignQueries>().GetOverviewAsync(admin);
        var flagged = overview.QuotaProblems.ToDictionary(d => d.Name, d => d.Ledger.Problem!);

        Assert.Equal(new[] { "和平区", "蓟州区" }, flagged.Keys.OrderBy(k => k == "和平区" ? 0 : 1));
        Assert.Contains("剩余 2 个街镇名额至少需要 4 个社区", flagged["和平区"]);
        Assert.Contains("只剩 3 个社区名额，缺 1 个", flagged["和平区"]);
        Assert.Contains("剩余 1 个街镇名额至少需要 2 个社区", flagged["蓟州区"]);
        Assert.Contains("只剩 1 个社区名额，缺 1 个", flagged["蓟州区"]);

        var heping = overview.Districts.Single(d => d.Name == "和平区");
        Assert.Equal(new QuotaCount(1, 3), heping.Ledger.Approved);
        Assert.Equal(new QuotaCount(2, 3), heping.Ledger.Remaining);
    }

    [Fact]
    public async Task Draft_submit_return_resubmit_approve_is_audited_and_moves_the_ledger()
    {
        var (officer, officerScope) = await UserAsync("binhai");
        var (admin, adminScope) = await UserAsync("admin");
        var apps = Service<SiteApplications>();

        var id = await apps.CreateDraftAsync(officer, officerScope, SiteLifecycleTests.Valid());
        var v = await apps.SubmitAsync(officer, officerScope, id, 1);
        v = await apps.ReturnAsync(admin, adminScope, id, v, "人口数据来源需注明年份文件");
        v = await apps.SaveDraftAsync(officer, officerScope, id, v, SiteLifecycleTests.Valid() with { ContactName = "赵磊" });
        v = await apps.SubmitAsync(officer, officerScope, id, v);
        await apps.ApproveAsync(admin, adminScope, id, v);

        var site = await Service<SiteQueries>().GetAsync(officerScope, id);
        Assert.Equal(SiteState.InProgress, site.StateValue);
        Assert.Equal(new[] { "创建草稿", "提交申报", "退回", "提交申报", "审批立项", "开始创建" }, site.Timeline.Select(t => t.Action));
        Assert.Equal("人口数据来源需注明年份文件", site.Timeline[2].Reason);

        await using var db = NewContext();
        var audit = await db.AuditEntries.Where(a => a.EntityId == id && a.EntityType == SiteApplications.EntityType)
            .OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(new[] { "创建草稿", "提交申报", "退回", "保存申报信息", "提交申报", "审批立项" }, audit.Select(a => a.Action));
        Assert.Contains("\"field\":\"联系人\"", audit[3].Changes);
        Assert.Contains("赵磊", audit[3].Changes);
        Assert.Equal("示例街道：已申报 → 创建中", audit[5].Summary);

        var binhai = (await Service<CampaignQueries>().GetDistrictAsync(officerScope, "120116")).District.Ledger;
        Assert.Equal(new QuotaCount(2, 4), binhai.Approved);
    }

    [Fact]
    public async Task The_later_of_two_saves_is_refused_and_the_first_is_kept()
    {
        var (officer, scope) = await UserAsync("binhai");
        var apps = Service<SiteApplications>();
        var id = await apps.CreateDraftAsync(officer, scope, SiteLifecycleTests.Valid());
        var loadedByBoth = (await Service<SiteQueries>().GetAsync(scope, id)).Version;

        await apps.SaveDraftAsync(officer, scope, id, loadedByBoth, SiteLifecycleTests.Valid() with { ContactName = "第一位" });
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            apps.SaveDraftAsync(officer, scope, id, loadedByBoth, SiteLifecycleTests.Valid() with { ContactName = "第二位" }));

        Assert.Contains("滨海新区民政局", conflict.Message);
        Assert.Equal("第一位", (await Service<SiteQueries>().GetAsync(scope, id)).Details.ContactName);
    }

    [Fact]
    public async Task Two_contexts_racing_on_one_site_cannot_both_save()
    {
        var (officer, scope) = await UserAsync("binhai");
        var id = await Service<SiteApplications>().CreateDraftAsync(officer, scope, SiteLifecycleTests.Valid());

        await using var first = NewContext();
        await using var second = NewContext();
        var a = await first.Sites.Include(s => s.Communities).Include(s => s.SocialWorkers).SingleAsync(s => s.Id == id);
        var b = await second.Sites.Include(s => s.Communities).Include(s => s.SocialWorkers).SingleAsync(s => s.Id == id);
        a.UpdateDetails(officer, SiteLifecycleTests.Valid() with { StationName = "甲站" });
        b.UpdateDetails(officer, SiteLifecycleTests.Valid() with { StationName = "乙站" });

        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = NewContext();
        var saved = await check.Sites.Include(s => s.Communities).SingleAsync(s => s.Id == id);
        Assert.Equal("甲站", saved.StationName);
        Assert.Equal(2, saved.Communities.Count);
    }

    [Fact]
    public async Task Editing_details_keeps_each_communitys_identity()
    {
        var (officer, scope) = await UserAsync("heping");
        await using var db = NewContext();
        var nanshi = await db.Sites.Include(s => s.Communities).SingleAsync(s => s.Street == "南市街道");
        var ids = nanshi.Communities.OrderBy(c => c.SortOrder).Select(c => c.Id).ToList();
        var details = nanshi.Details with
        {
            Communities = nanshi.Details.Communities.Select(c => c with { ResidentPopulation = 9100, PopulationSource = "社区台账", PopulationYear = 2023 }).ToList(),
        };
        await Service<SiteApplications>().SaveDraftAsync(officer, scope, nanshi.Id, nanshi.Version, details);

        await using var check = NewContext();
        var after = await check.Communities.Where(c => c.SiteId == nanshi.Id).OrderBy(c => c.SortOrder).ToListAsync();
        Assert.Equal(ids, after.Select(c => c.Id));
        Assert.All(after, c => Assert.Equal(9100, c.ResidentPopulation));
    }

    [Fact]
    public async Task Quota_change_needs_a_reason_and_is_audited()
    {
        var (admin, scope) = await UserAsync("admin");
        var quotas = Service<QuotaApplications>();
        await using var db = NewContext();
        var heping = await db.Districts.SingleAsync(d => d.Code == "120101");

        await Assert.ThrowsAsync<WuShe.Domain.Common.FieldValidationException>(() =>
            quotas.ChangeQuotaAsync(admin, scope, heping.Id, heping.Version, 3, 7, ""));
        await quotas.ChangeQuotaAsync(admin, scope, heping.Id, heping.Version, 3, 7, "市局批复增加 1 个社区名额");

        var overview = await Service<CampaignQueries>().GetOverviewAsync(scope);
        Assert.DoesNotContain(overview.QuotaProblems, d => d.Name == "和平区");
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "调整名额");
        Assert.Equal("和平区：3 个街镇、6 个社区 → 3 个街镇、7 个社区", entry.Summary);
        Assert.Equal("市局批复增加 1 个社区名额", entry.Reason);
    }
}

public class AuditQueryTests : SeededApp
{
    [Fact]
    public async Task The_city_filters_the_audit_log_by_district_action_user_and_date()
    {
        var (officer, officerScope) = await UserAsync("binhai");
        var (admin, adminScope) = await UserAsync("admin");
        var apps = Service<SiteApplications>();
        var id = await apps.CreateDraftAsync(officer, officerScope, SiteLifecycleTests.Valid());
        var v = await apps.SubmitAsync(officer, officerScope, id, 1);
        await apps.ReturnAsync(admin, adminScope, id, v, "请补充材料");
        var audit = Service<WuShe.App.Admin.AuditQueries>();
        await using var db = NewContext();
        var binhai = await db.Districts.SingleAsync(d => d.Code == "120116");
        var heping = await db.Districts.SingleAsync(d => d.Code == "120101");
        var today = WuShe.Domain.Common.ChinaTime.Today(Service<WuShe.Domain.Common.IClock>());

        var all = await audit.SearchAsync(adminScope, new(), 0, 50);
        Assert.Equal(3, all.Total);
        Assert.Equal(new[] { "退回", "提交申报", "创建草稿" }, all.Rows.Select(r => r.Action));
        Assert.Equal("滨海新区", all.Rows[0].District);
        Assert.Equal("请补充材料", all.Rows[0].Reason);

        Assert.Equal(3, (await audit.SearchAsync(adminScope, new(DistrictId: binhai.Id), 0, 50)).Total);
        Assert.Equal(0, (await audit.SearchAsync(adminScope, new(DistrictId: heping.Id), 0, 50)).Total);
        Assert.Equal(1, (await audit.SearchAsync(adminScope, new(Action: "退回"), 0, 50)).Total);
        Assert.Equal(2, (await audit.SearchAsync(adminScope, new(User: "滨海"), 0, 50)).Total);
        Assert.Equal(3, (await audit.SearchAsync(adminScope, new(From: today, To: today), 0, 50)).Total);
        Assert.Equal(0, (await audit.SearchAsync(adminScope, new(To: today.AddDays(-1)), 0, 50)).Total);
        Assert.Single((await audit.SearchAsync(adminScope, new(), 1, 1)).Rows);
        await Assert.ThrowsAsync<AccessDeniedException>(() => audit.SearchAsync(officerScope, new(), 0, 50));
    }
}
