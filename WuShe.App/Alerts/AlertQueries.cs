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

    public async Task<IReadOnlyList<AlertView>> ListAsync(UserScope scope, AlertFilter f, int take = 500, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        var q = db.Alerts.AsNoTracking();
        if (f.DistrictId is { } d) q = q.Where(a => a.DistrictId == d);
        if (f.SiteId is { } s) q = q.Where(a => a.SiteId == s);
        if (f.Rule is { } r) q = q.Where(a => a.Rule == r);
        if (f.Severity is { } v) q = q.Where(a => a.Severity == v);
        if (f.State is { } st) q = q.Where(a => a.State == st);
        var alerts = await q.OrderByDescending(a => a.LastSeen).ThenBy(a => a.Id).Take(take).ToListAsync(ct);
        var districts = await db.Districts.ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        return alerts
            .OrderByDescending(a => a.Severity).ThenBy(a => a.Rule).ThenBy(a => a.Title)
            .Select(a => new AlertView(a.Id, a.Rule.Label(), a.Scope.Label(), a.Period, a.Severity, a.Severity.Label(), a.Title, a.Numbers, a.Clause,
                a.DistrictId is { } id ? districts.GetValueOrDefault(id) : null, a.Link, a.State, a.State.Label(), a.FirstSeen, a.LastSeen, a.ResolvedAt,
                a.AcknowledgedBy, a.AcknowledgeNote)).ToList();
    }

    /// <summary>The badge in the navigation: open alerts in scope nobody has acknowledged yet.</summary>
    public async Task<int> UnreadAsync(UserScope scope, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        return await db.Alerts.CountAsync(a => a.State == AlertState.Open, ct);
    }

    public async Task AcknowledgeAsync(Actor actor, UserScope scope, int alertId, string note, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == alertId, ct)
            ?? throw ScopedReads.NotInScope("预警", alertId);
        alert.Acknowledge(actor, note, _clock.Now);
        await db.SaveChangesAsync(ct);
    }

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
