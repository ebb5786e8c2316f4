using Microsoft.EntityFrameworkCore;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.App.Jobs;
using WuShe.Domain.Accounts;
using WuShe.Domain.Alerts;
using WuShe.Domain.Common;

namespace WuShe.App.Alerts;

public sealed record AlertFilter(int? DistrictId = null, int? SiteId = null, AlertRule? Rule = null, AlertSeverity? Severity = null,
    AlertState? State = AlertState.Open);

public sealed record AlertView(int Id, string Rule, string Scope, string Period, AlertSeverity Severity, string SeverityLabel, string Title,
    string Numbers, string Clause, string? District, string Link, AlertState State, string StateLabel, DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen, DateTimeOffset? ResolvedAt, string AcknowledgedBy, string AcknowledgeNote);

/// <summary>One page of the alert centre: how many match the filter (by severity) and the rows of this page.</summary>
public sealed record AlertPage(int Total, int Critical, int Warning, int Info, int Page, int PageSize, IReadOnlyList<AlertView> Rows)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record JobView(string Name, string Title, string Cron, DateTimeOffset? NextRun, JobRun? LastRun, IReadOnlyList<JobRun> History);

/// <summary>The alert centre's reads (always through the user's scope), acknowledging, and the jobs page.</summary>
public class AlertQueries
{
    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private readonly IClock _clock;
    private readonly ScheduledJobs _jobs;
    private readonly Microsoft.Extensions.Options.IOptions<WuSheOptions> _options;

    public AlertQueries(IDbContextFactory<WuSheDbContext> contexts, IClock clock, ScheduledJobs jobs, Microsoft.Extensions.Options.IOptions<WuSheOptions> options)
    {
        _contexts = contexts;
        _clock = clock;
        _jobs = jobs;
        _options = options;
    }

    /// <summary>At most this many alerts are acknowledged in one go (系统设定).</summary>
    public const int MaxAcknowledgedAtOnce = 500;

    public async Task<IReadOnlyList<AlertView>> ListAsync(UserScope scope, AlertFilter f, int take = 500, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        var alerts = await Ordered(Filtered(db, f)).Take(take).ToListAsync(ct);
        return await ViewsAsync(db, alerts, ct);
    }

    /// <summary>One page of the alerts matching the filter, most severe first; the counts are of every match, not the page.</summary>
    public async Task<AlertPage> PageAsync(UserScope scope, AlertFilter f, int page, int pageSize = 50, CancellationToken ct = default)
    {
        if (pageSize is < 1 or > 200) throw new DomainException($"每页条数 {pageSize} 无效，应在 1—200 之间。");
        await using var db = await _contexts.ForAsync(scope, ct);
        var q = Filtered(db, f);
        var counts = await q.GroupBy(a => a.Severity).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var total = counts.Values.Sum();
        page = Math.Clamp(page, 0, Math.Max(0, (total - 1) / pageSize));
        var rows = await Ordered(q).Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        return new AlertPage(total, counts.GetValueOrDefault(AlertSeverity.Critical), counts.GetValueOrDefault(AlertSeverity.Warning),
            counts.GetValueOrDefault(AlertSeverity.Info), page, pageSize, await ViewsAsync(db, rows, ct));
    }

    private static IQueryable<Alert> Filtered(WuSheDbContext db, AlertFilter f)
    {
        var q = db.Alerts.AsNoTracking();
        if (f.DistrictId is { } d) q = q.Where(a => a.DistrictId == d);
        if (f.SiteId is { } s) q = q.Where(a => a.SiteId == s);
        if (f.Rule is { } r) q = q.Where(a => a.Rule == r);
        if (f.Severity is { } v) q = q.Where(a => a.Severity == v);
        if (f.State is { } st) q = q.Where(a => a.State == st);
        return q;
    }

    /// <summary>Most severe first, then by rule and title; the id keeps pages stable.</summary>
    private static IQueryable<Alert> Ordered(IQueryable<Alert> q) =>
        q.OrderBy(a => a.Severity == AlertSeverity.Critical ? 0 : a.Severity == AlertSeverity.Warning ? 1 : 2)
            .ThenBy(a => a.Rule).ThenBy(a => a.Title).ThenBy(a => a.Id);

    private static async Task<IReadOnlyList<AlertView>> ViewsAsync(WuSheDbContext db, IReadOnlyList<Alert> alerts, CancellationToken ct)
    {
        var districts = await db.Districts.ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        return alerts.Select(a => new AlertView(a.Id, a.Rule.Label(), a.Scope.Label(), a.Period, a.Severity, a.Severity.Label(), a.Title, a.Numbers, a.Clause,
            a.DistrictId is { } id ? districts.GetValueOrDefault(id) : null, a.Link, a.State, a.State.Label(), a.FirstSeen, a.LastSeen, a.ResolvedAt,
            a.AcknowledgedBy, a.AcknowledgeNote)).ToList();
    }

    /// <summary>The badge in the navigation: open alerts in scope nobody has acknowledged yet.</summary>
    public async Task<int> UnreadAsync(UserScope scope, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        return await db.Alerts.CountAsync(a => a.State == AlertState.Open, ct);
    }

    /// <summary>知悉 several alerts with one note: every one must be in scope and open-or-acknowledgeable, or none is saved.</summary>
    public async Task<int> AcknowledgeManyAsync(Actor actor, UserScope scope, IReadOnlyCollection<int> alertIds, string note, CancellationToken ct = default)
    {
        if (alertIds.Count == 0) throw new DomainException("请先选择要知悉的预警。");
        if (alertIds.Count > MaxAcknowledgedAtOnce) throw new DomainException($"一次最多知悉 {MaxAcknowledgedAtOnce} 条预警（系统设定），本次选择了 {alertIds.Count} 条。");
        await using var db = await _contexts.ForAsync(scope, ct);
        var ids = alertIds.Distinct().ToList();
        var alerts = await db.Alerts.Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        if (alerts.Count != ids.Count) throw ScopedReads.NotInScope("预警", ids.Except(alerts.Select(a => a.Id)).First());
        foreach (var a in alerts) a.Acknowledge(actor, note, _clock.Now);
        await db.SaveChangesAsync(ct);
        return alerts.Count;
    }

    public Task AcknowledgeAsync(Actor actor, UserScope scope, int alertId, string note, CancellationToken ct = default) =>
        AcknowledgeManyAsync(actor, scope, [alertId], note, ct);

    public async Task<IReadOnlyList<JobView>> JobsAsync(CancellationToken ct = default)
    {
        await using var db = await _contexts.ForSystemAsync(ct);
        var views = new List<JobView>();
        foreach (var (name, (_, title)) in ScheduledJobs.Known)
        {
            var cron = _options.Value.JobSchedules.GetValueOrDefault(name, "");
            var history = await db.JobRuns.AsNoTracking().Where(r => r.Job == name).OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Take(20).ToListAsync(ct);
            views.Add(new JobView(name, title, cron, await _jobs.NextFireTimeAsync(name, ct),
                history.FirstOrDefault(), history));
        }
        return views;
    }
}
