using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using WuShe.App.Data;
using WuShe.App.Hosting;

namespace WuShe.App.Jobs;

/// <summary>
/// At start-up, runs once the latest fire time each schedule missed while the app was down ("补跑"), however many were
/// missed: between the last recorded scheduled run (or a day ago) and now.
/// </summary>
public sealed class MissedRunCatchUp : IHostedService
{
    private readonly ScheduledJobs _jobs;
    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private readonly WuSheOptions _options;
    private readonly ILogger<MissedRunCatchUp> _log;

    public MissedRunCatchUp(ScheduledJobs jobs, IDbContextFactory<WuSheDbContext> contexts, IOptions<WuSheOptions> options, ILogger<MissedRunCatchUp> log)
    {
        _jobs = jobs;
        _contexts = contexts;
        _options = options.Value;
        _log = log;
    }

    public async Task StartAsync(CancellationToken ct)
    {
        foreach (var (name, cron) in ScheduledJobs.Schedules(_options))
            await CatchUpAsync(name, cron, ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private async Task CatchUpAsync(string name, string cron, CancellationToken ct)
    {
        await using var db = await _contexts.ForSystemAsync(ct);
        var last = await db.JobRuns.Where(r => r.Job == name && r.ScheduledFor != null)
            .OrderByDescending(r => r.ScheduledFor).Select(r => r.ScheduledFor).FirstOrDefaultAsync(ct);
        var now = DateTimeOffset.UtcNow;
        var missed = ScheduledJobs.MissedFireTime(ScheduledJobs.Cron(cron), last ?? now.AddDays(-1), now);
        if (missed is null) return;
        _log.LogInformation("补跑 {Job}：{Missed}", name, missed);
        var scheduler = await _jobs.SchedulerAsync(ct);
        await scheduler.TriggerJob(new JobKey(name), new JobDataMap
        {
            [ScheduledJobs.TriggerKind] = "补跑", [ScheduledJobs.ScheduledFor] = missed.Value.ToString("O"), [ScheduledJobs.StartedBy] = "启动补跑",
        }, ct);
    }
}
