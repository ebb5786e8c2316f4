using Microsoft.EntityFrameworkCore;
using WuShe.App.Campaigns;
using WuShe.App.Data;
using WuShe.Domain.Accounts;
using WuShe.Domain.Alerts;
using WuShe.Domain.Common;
using WuShe.Domain.Evaluations;
using WuShe.Domain.Progress;
using WuShe.Domain.Sites;

namespace WuShe.App.Todo;

/// <summary>How pressing a to-do is: 逾期 before 待办.</summary>
public enum TodoUrgency
{
    Overdue,
    Due,
}

/// <summary>One thing to do, with where to do it.</summary>
public sealed record TodoItem(string Title, string Detail, string Link, TodoUrgency Urgency = TodoUrgency.Due);

/// <summary>A kind of work (待审批的申报, 被退回的进展报告…): how many, the first <see cref="TodoQueries.ItemsShown"/>, and where the rest are.</summary>
public sealed record TodoGroup(string Key, string Title, int Count, IReadOnlyList<TodoItem> Items, string MoreLink, bool InBadge = true)
{
    public int Hidden => Count - Items.Count;
}

public sealed record TodoList(IReadOnlyList<TodoGroup> Groups)
{
    /// <summary>What the menu's 待办 badge counts: the work, not the alerts (they have their own badge).</summary>
    public int BadgeCount => Groups.Where(g => g.InBadge).Sum(g => g.Count);
}

/// <summary>
/// 待办: the work waiting for the signed-in user, per role and always through the user's scope — applications to review or
/// finish, creation to start, reports due, overdue or returned, evaluation sheets assigned, projects to accept, stations
/// without an account, alerts to 知悉.
/// </summary>
public class TodoQueries
{
    public const int ItemsShown = 20;

    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private readonly CampaignQueries _campaigns;
    private readonly IClock _clock;

    public TodoQueries(IDbContextFactory<WuSheDbContext> contexts, CampaignQueries campaigns, IClock clock)
    {
        _contexts = contexts;
        _campaigns = campaigns;
        _clock = clock;
    }

    public async Task<TodoList> ForAsync(Actor actor, UserScope scope, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        var groups = new List<TodoGroup?>();
        switch (scope.Role)
        {
            case UserRole.CityAdministrator:
                groups.Add(await SitesInStateAsync(db, SiteState.Submitted, "review", "待审批的创建点申报", s => $"/applications/{s.Id}", ct));
                groups.Add(await SitesInStateAsync(db, SiteState.FinalEvaluated, "accept", "待结项的创建点（末期评估已完成）", s => $"/sites/{s.Id}/evaluations", ct));
                groups.Add(await SitesInStateAsync(db, SiteState.Approved, "start", "已立项、待开始创建", s => $"/sites/{s.Id}", ct));
                groups.Add(await OverdueReportAlertsAsync(db, ct));
                groups.Add(await StationsWithoutAccountAsync(db, ct));
                break;
            case UserRole.DistrictOfficer:
                groups.Add(await SitesInStateAsync(db, SiteState.Returned, "returned-applications", "被退回的申报（修改后重新提交）", s => $"/applications/{s.Id}", ct, TodoUrgency.Overdue));
                groups.Add(await SitesInStateAsync(db, SiteState.Draft, "drafts", "未提交的申报草稿", s => $"/applications/{s.Id}", ct));
                groups.Add(await SitesInStateAsync(db, SiteState.Approved, "start", "已立项、待开始创建", s => $"/sites/{s.Id}", ct));
                groups.Add(await ReturnedReportsAsync(db, ct));
                groups.Add(await ReportsDueAsync(db, ct));
                groups.Add(await StationsWithoutAccountAsync(db, ct));
                break;
            case UserRole.StreetStation:
                groups.Add(await ReturnedReportsAsync(db, ct));
                groups.Add(await ReportsDueAsync(db, ct));
                break;
        }
        groups.Add(await SheetsAsync(db, actor.UserId, ct));
        if (Alert.MayAcknowledge(scope.Role)) groups.Add(await OpenAlertsAsync(db, ct));
        return new TodoList(groups.OfType<TodoGroup>().Where(g => g.Count > 0).ToList());
    }

    private static async Task<TodoGroup> SitesInStateAsync(WuSheDbContext db, SiteState state, string key, string title,
        Func<SiteRow, string> link, CancellationToken ct, TodoUrgency urgency = TodoUrgency.Due)
    {
        var q = db.Sites.AsNoTracking().Where(s => s.State == state);
        var count = await q.CountAsync(ct);
        var rows = await q.OrderBy(s => s.DistrictId).ThenBy(s => s.Id).Take(ItemsShown)
            .Join(db.Districts, s => s.DistrictId, d => d.Id, (s, d) => new SiteRow(s.Id, d.Name, s.Street, s.Tier, s.ReturnReason))
            .ToListAsync(ct);
        return new(key, title, count, rows.Select(s => new TodoItem($"{s.District} {s.Street}", Detail(s, state), link(s), urgency)).ToList(),
            state is SiteState.Submitted or SiteState.Draft or SiteState.Returned ? "/applications" : "/sites");
    }

    private static string Detail(SiteRow s, SiteState state) => state switch
    {
        SiteState.Returned => $"退回理由：{s.ReturnReason}",
        _ => s.Tier.Label(),
    };

    private sealed record SiteRow(int Id, string District, string Street, SiteTier Tier, string ReturnReason);

    private static async Task<TodoGroup> ReturnedReportsAsync(WuSheDbContext db, CancellationToken ct)
    {
        var q = db.ProgressReports.AsNoTracking().Where(r => r.State == ReportState.Returned);
        var count = await q.CountAsync(ct);
        var rows = await q.OrderBy(r => r.PeriodYear).ThenBy(r => r.PeriodMonth).Take(ItemsShown)
            .Join(db.Sites, r => r.SiteId, s => s.Id, (r, s) => new { r.Id, r.SiteId, s.Street, r.PeriodYear, r.PeriodMonth, r.PeriodMonths, r.ReturnReason, r.ReturnedBy })
            .ToListAsync(ct);
        return new("returned-reports", "被退回的进展报告（修改后重新提交）", count,
            rows.Select(r => new TodoItem($"{r.Street} {ProgressReport.LabelOf(r.PeriodYear, r.PeriodMonth, r.PeriodMonths)}进展报告",
                $"{(r.ReturnedBy == "" ? "区民政局" : r.ReturnedBy)}退回：{r.ReturnReason}", $"/sites/{r.SiteId}/progress/{r.Id}", TodoUrgency.Overdue)).ToList(),
            rows.Count == 1 ? $"/sites/{rows[0].SiteId}/progress" : "/sites");
    }

    /// <summary>Each site in creation: the periods from 开始创建 to today without a submitted report, overdue first.</summary>
    private async Task<TodoGroup> ReportsDueAsync(WuSheDbContext db, CancellationToken ct)
    {
        var campaign = await _campaigns.LoadCampaignAsync(db, ct);
        var today = ChinaTime.Today(_clock);
        var inCreation = SiteStates.InCreation.ToList();
        var sites = await db.Sites.AsNoTracking().Where(s => s.CampaignId == campaign.Id && inCreation.Contains(s.State))
            .Select(s => new { s.Id, s.Street, s.Tier, ApprovedAt = s.Transitions.Where(t => t.To == SiteState.Approved).Select(t => (DateTimeOffset?)t.At).Min() })
            .ToListAsync(ct);
        var siteIds = sites.Select(s => s.Id).ToList();
        var reports = (await db.ProgressReports.AsNoTracking().Where(r => siteIds.Contains(r.SiteId))
            .Select(r => new { r.Id, r.SiteId, r.PeriodYear, r.PeriodMonth, r.State }).ToListAsync(ct))
            .ToLookup(r => r.SiteId);
        var months = campaign.ReportingPeriodMonths;
        var owed = sites.SelectMany(s =>
        {
            var from = campaign.CreationStartOf(s.Tier, s.ApprovedAt is { } at ? ChinaTime.DateOf(at) : null, today);
            var submitted = reports[s.Id].Where(r => r.State == ReportState.Submitted).Select(r => new DateOnly(r.PeriodYear, r.PeriodMonth, 1)).ToHashSet();
            return ReportingPeriods.Unsubmitted(from, months, campaign.ReportDueDays, submitted, today)
                .Select(p => (Site: s, Period: p, Report: reports[s.Id].FirstOrDefault(r => r.PeriodYear == p.Start.Year && r.PeriodMonth == p.Start.Month)));
        }).Where(x => x.Report?.State != ReportState.Returned) // listed with its reason above
          .OrderBy(x => x.Period.DueOn).ThenBy(x => x.Site.Id).ToList();
        var items = owed.Take(ItemsShown).Select(x => new TodoItem($"{x.Site.Street} {x.Period.Label(months)}进展报告",
            (x.Period.OverdueOn(today) ? $"已逾期 {x.Period.DaysLate(today)} 天（应于 {x.Period.DueOn:yyyy-MM-dd} 前提交）" : $"应于 {x.Period.DueOn:yyyy-MM-dd} 前提交")
                + (x.Report is null ? "，尚未填报" : "，草稿未提交"),
            x.Report is { } r ? $"/sites/{x.Site.Id}/progress/{r.Id}" : $"/sites/{x.Site.Id}/progress",
            x.Period.OverdueOn(today) ? TodoUrgency.Overdue : TodoUrgency.Due)).ToList();
        return new("reports-due", "待提交的进展报告", owed.Count, items, sites.Count == 1 ? $"/sites/{sites[0].Id}/progress" : "/alerts?rule=ReportOverdue");
    }

    /// <summary>The city does not fill reports: it sees how many are overdue, as the alert scan found them.</summary>
    private static async Task<TodoGroup> OverdueReportAlertsAsync(WuSheDbContext db, CancellationToken ct)
    {
        var q = db.Alerts.AsNoTracking().Where(a => a.Rule == AlertRule.ReportOverdue && a.State != AlertState.Resolved);
        var count = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(a => a.Severity).ThenBy(a => a.Id).Take(ItemsShown).Select(a => new { a.Title, a.Numbers, a.Link }).ToListAsync(ct);
        return new("reports-overdue", "逾期未提交的进展报告", count,
            rows.Select(a => new TodoItem(a.Title, a.Numbers, a.Link, TodoUrgency.Overdue)).ToList(), "/alerts?rule=ReportOverdue", InBadge: false);
    }

    /// <summary>Sites approved or in creation whose street station has no active account: nobody can report for them.</summary>
    private static async Task<TodoGroup> StationsWithoutAccountAsync(WuSheDbContext db, CancellationToken ct)
    {
        var states = SiteStates.InCreation.Append(SiteState.Approved).ToList();
        var q = db.Sites.AsNoTracking().Where(s => states.Contains(s.State)
            && !db.UserAccounts.Any(u => u.Role == UserRole.StreetStation && u.IsActive && u.SiteId == s.Id));
        var count = await q.CountAsync(ct);
        var rows = await q.OrderBy(s => s.DistrictId).ThenBy(s => s.Id).Take(ItemsShown)
            .Join(db.Districts, s => s.DistrictId, d => d.Id, (s, d) => new { s.Id, District = d.Name, s.Street }).ToListAsync(ct);
        return new("stations", "尚无服务站账号的创建点（无人能填报进展）", count,
            rows.Select(s => new TodoItem($"{s.District} {s.Street}", "请在“服务站账号”中为其开通账号", "/admin/users")).ToList(), "/admin/users");
    }

    /// <summary>评估表 assigned to the user and not yet submitted (returned ones first).</summary>
    private static async Task<TodoGroup> SheetsAsync(WuSheDbContext db, int userId, CancellationToken ct)
    {
        var sheets = db.Evaluations.AsNoTracking().SelectMany(e => e.Sheets.Where(s => s.EvaluatorUserId == userId && s.State != SheetState.Submitted),
            (e, s) => new { e.SiteId, e.Phase, e.Body, s.State, s.ReturnReason });
        var count = await sheets.CountAsync(ct);
        var rows = await sheets.OrderByDescending(s => s.State == SheetState.Returned).ThenBy(s => s.SiteId).Take(ItemsShown)
            .Join(db.Sites, x => x.SiteId, s => s.Id, (x, s) => new { x.SiteId, s.Street, x.Phase, x.Body, x.State, x.ReturnReason }).ToListAsync(ct);
        return new("sheets", "待填写的评估表", count,
            rows.Select(s => new TodoItem($"{s.Street} {s.Body.Label()}{s.Phase.Label()}评估表",
                s.State == SheetState.Returned ? $"已退回：{s.ReturnReason}" : "草稿未提交", $"/sites/{s.SiteId}/evaluations",
                s.State == SheetState.Returned ? TodoUrgency.Overdue : TodoUrgency.Due)).ToList(),
            rows.Count == 1 ? $"/sites/{rows[0].SiteId}/evaluations" : "/sites");
    }

    private static async Task<TodoGroup> OpenAlertsAsync(WuSheDbContext db, CancellationToken ct)
    {
        var open = db.Alerts.AsNoTracking().Where(a => a.State == AlertState.Open);
        var count = await open.CountAsync(ct);
        var critical = await open.Where(a => a.Severity == AlertSeverity.Critical).OrderBy(a => a.Id).Take(5)
            .Select(a => new TodoItem(a.Title, a.Numbers, a.Link, TodoUrgency.Overdue)).ToListAsync(ct);
        return new("alerts", "待知悉的预警", count, critical, "/alerts", InBadge: false);
    }
}
