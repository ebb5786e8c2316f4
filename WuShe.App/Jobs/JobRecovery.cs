using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.App.Reports;

namespace WuShe.App.Jobs;

/// <summary>
/// Keeps the run ledger honest across stops and crashes. At start-up: a run still marked 运行中 was cut off by a crash
/// and becomes 中断; the latest fire time each schedule missed while the app was down runs once ("补跑"), or, when the
/// latest fire time's run was cut off, that time runs once more ("重跑", up to <see cref="MaxAttempts"/> attempts);
/// report batches left queued are started. On stop: running jobs are cancelled, so a stop does not wait for a batch.
/// </summary>
public sealed class JobRecovery : IHostedService
{
    public const int MaxAttempts = 3;
    public const string StoppedReason = "系统停止时正在运行，本次运行未完成；该计划时刻将在下次启动时重跑。";
    public const string CrashReason = "系统异常退出时正在运行，本次运行未完成；该计划时刻已安排重跑。";

    private readonly ScheduledJobs _jobs;
    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private readonly WuSheOptions _options;
    private readonly ILogger<JobRecovery> _log;

    public JobRecovery(ScheduledJobs jobs, IDbContextFactory<WuSheDbContext> contexts, IOptions<WuSheOptions> options, ILogger<JobRecovery> log)
    {
        _jobs = jobs;
        _contexts = contexts;
        _options = options.Value;
        _log = log;
    }

    public async Task StartAsync(CancellationToken ct)
    {
        await MarkCutOffRunsAsync(ct);
        foreach (var (name, cron) in ScheduledJobs.Schedules(_options))
            await CatchUpAsync(name, cron, ct);
        await StartQueuedBatchesAsync(ct);
    }

    /// <summary>Cancels the jobs still running, which record themselves as 中断 (a batch goes back to the queue).</summary>
    public async Task StopAsync(CancellationToken ct)
    {
        var scheduler = await _jobs.SchedulerAsync(ct);
        foreach (var job in ScheduledJobs.Known.Keys)
            if (await scheduler.Interrupt(new JobKey(job), ct))
                _log.LogInformation("系统停止：已取消正在运行的 {Job}", job);
    }

    private async Task MarkCutOffRunsAsync(CancellationToken ct)
    {
        await using var db = await _contexts.ForSystemAsync(ct);
        var cut = await db.JobRuns.Where(r => r.FinishedAt == null).ToListAsync(ct);
        foreach (var run in cut)
        {
            _log.LogWarning("运行记录 {Run}（{Job}，开始于 {Started}）在系统退出时未完成，标记为中断", run.Id, run.Job, run.StartedAt);
            run.Interrupt(DateTimeOffset.UtcNow, CrashReason);
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task CatchUpAsync(string name, string cron, CancellationToken ct)
    {
        await using var db = await _contexts.ForSystemAsync(ct);
        var last = await db.JobRuns.Where(r => r.Job == name && r.ScheduledFor != null)
            .OrderByDescending(r => r.ScheduledFor).Select(r => r.ScheduledFor).FirstOrDefaultAsync(ct);
        var now = DateTimeOffset.UtcNow;
        if (ScheduledJobs.MissedFireTime(ScheduledJobs.Cron(cron), last ?? now.AddDays(-1), now) is { } missed)
        {
            _log.LogInformation("补跑 {Job}：{Missed}", name, missed);
            await TriggerAsync(name, "补跑", missed, 1, ct);
            return;
        }
        if (last is null) return;
        var attempts = await db.JobRuns.Where(r => r.Job == name && r.ScheduledFor == last)
            .Select(r => new { r.Attempt, r.Interrupted }).ToListAsync(ct);
        var next = attempts.Max(a => a.Attempt) + 1;
        if (attempts.All(a => a.Interrupted) && next <= MaxAttempts)
        {
            _log.LogInformation("重跑 {Job}：{Time}（第 {Attempt} 次）", name, last, next);
            await TriggerAsync(name, "重跑", last.Value, next, ct);
        }
    }

    private async Task TriggerAsync(string name, string kind, DateTimeOffset scheduledFor, int attempt, CancellationToken ct) =>
        await (await _jobs.SchedulerAsync(ct)).TriggerJob(new JobKey(name), new JobDataMap
        {
            [ScheduledJobs.TriggerKind] = kind, [ScheduledJobs.ScheduledFor] = scheduledFor.ToString("O"),
            [ScheduledJobs.StartedBy] = kind == "补跑" ? "启动补跑" : "启动重跑", [ScheduledJobs.Attempt] = attempt.ToString(),
        }, ct);

    private async Task StartQueuedBatchesAsync(CancellationToken ct)
    {
        await using var db = await _contexts.ForSystemAsync(ct);
        foreach (var id in await db.Set<ReportBatch>().Where(b => b.State == BatchState.Queued).Select(b => b.Id).ToListAsync(ct))
            await _jobs.RunBatchAsync(id, ct);
    }
}
