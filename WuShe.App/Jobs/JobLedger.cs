using Microsoft.EntityFrameworkCore;
using WuShe.App.Data;

namespace WuShe.App.Jobs;

/// <summary>How a run was started: its job, the fire time it stands for (null when by hand), 定时/补跑/重跑/手动, by whom, which attempt.</summary>
public sealed record JobStart(string Job, DateTimeOffset? ScheduledFor, string Trigger, string StartedBy, int Attempt = 1)
{
    public static JobStart ByHand(string job, string by) => new(job, null, "手动", by);
}

/// <summary>
/// The one way a job's run is recorded (<see cref="JobRun"/>): a scheduled time runs once (only a run cut off before it
/// finished is tried again, as a later attempt); the run's row is committed before the work starts, so a crash leaves
/// it 运行中 for <see cref="JobRecovery"/> to find; a stop records 中断, a failure 失败 with its reason.
/// </summary>
public sealed class JobLedger(IDbContextFactory<WuSheDbContext> contexts, ILogger<JobLedger> log)
{
    /// <summary>Runs <paramref name="work"/> under a new run record; returns the run's id, or null when the fire time already ran.</summary>
    /// <param name="work">Does the job; returns how its success is recorded.</param>
    public async Task<long?> RunAsync(JobStart start, Func<CancellationToken, Task<Action<JobRun>>> work, CancellationToken ct)
    {
        var run = new JobRun(start.Job, start.ScheduledFor, start.Trigger, start.StartedBy, DateTimeOffset.UtcNow, start.Attempt);
        await using (var db = await contexts.ForSystemAsync(ct))
        {
            if (start.ScheduledFor is { } at && await db.JobRuns.AnyAsync(r => r.Job == start.Job && r.ScheduledFor == at
                    && (!r.Interrupted || r.Attempt >= start.Attempt), ct))
                return null;
            db.JobRuns.Add(run);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (start.ScheduledFor is not null)
            {
                return null; // the same scheduled time is already running elsewhere
            }
        }
        Action<JobRun> succeed;
        try
        {
            succeed = await work(ct);
        }
        catch (OperationCanceledException)
        {
            log.LogWarning("{Job} 因系统停止而中断（运行记录 {Run}）", start.Job, run.Id);
            await FinishAsync(run.Id, r => r.Interrupt(DateTimeOffset.UtcNow, JobRecovery.StoppedReason));
            throw;
        }
        catch (Exception e)
        {
            log.LogError(e, "{Job} 失败（运行记录 {Run}）", start.Job, run.Id);
            await FinishAsync(run.Id, r => r.Fail(DateTimeOffset.UtcNow, e.Message));
            throw;
        }
        await FinishAsync(run.Id, succeed);
        return run.Id;
    }

    /// <summary>Records the end; a busy or briefly failing database is tried again, so a finished run is not left 运行中.</summary>
    private async Task FinishAsync(long runId, Action<JobRun> finish)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var db = await contexts.ForSystemAsync(CancellationToken.None);
                var run = await db.JobRuns.SingleAsync(r => r.Id == runId);
                finish(run);
                await db.SaveChangesAsync();
                return;
            }
            catch (Exception e) when (attempt < 5 && e is DbUpdateException or Microsoft.Data.Sqlite.SqliteException)
            {
                log.LogWarning(e, "记录运行 {Run} 的结果失败，第 {Attempt} 次，稍后重试", runId, attempt);
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
        }
    }
}
