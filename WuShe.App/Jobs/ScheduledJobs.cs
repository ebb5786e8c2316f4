using Quartz;
using WuShe.App.Hosting;
using WuShe.Domain.Common;

namespace WuShe.App.Jobs;

/// <summary>
/// The app's jobs on Quartz's own hosting and DI: the jobs it knows, their cron schedules from configuration
/// (Asia/Shanghai, a late fire runs once as soon as possible), and what pages and APIs ask of the scheduler.
/// A scheduled fire time runs at most once and the latest missed one is caught up at start-up (<see cref="JobRecovery"/>);
/// both rest on the run ledger (<see cref="JobRun"/>), not on Quartz's in-memory store.
/// </summary>
public sealed class ScheduledJobs
{
    public const string TriggerKind = "trigger", ScheduledFor = "scheduledFor", StartedBy = "startedBy", BatchId = "batchId", Attempt = "attempt";

    /// <summary>The jobs the app knows, by the name used in configuration.</summary>
    public static readonly IReadOnlyDictionary<string, (Type Type, string Title)> Known = new Dictionary<string, (Type, string)>
    {
        [Alerts.AlertScan.JobName] = (typeof(Alerts.AlertScanJob), "预警扫描"),
        [Reports.ReportBatches.JobName] = (typeof(Reports.ReportBatchJob), "结项报告批量生成"),
        [Admin.Backups.JobName] = (typeof(Admin.BackupJob), "数据备份"),
    };

    private readonly ISchedulerFactory _factory;

    public ScheduledJobs(ISchedulerFactory factory) => _factory = factory;

    public static void AddTo(IServiceCollection services, WuSheOptions options)
    {
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = "WuShe");
            q.UseDefaultThreadPool(2);
            foreach (var (name, (type, title)) in Known)
                q.AddJob(type, j => j.WithIdentity(name).WithDescription(title).StoreDurably());
            foreach (var (name, cron) in Schedules(options))
                q.AddTrigger(t => t.WithIdentity(CronTrigger(name)).ForJob(name)
                    .WithCronSchedule(cron, c => c.InTimeZone(ChinaTime.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            // The database is migrated and seeded before the host starts (Program.cs): jobs need not wait for Kestrel.
            o.AwaitApplicationStarted = false;
        });
        services.AddSingleton<ScheduledJobs>();
        services.AddSingleton<JobLedger>();
        // Registered after Quartz's hosted service, so it starts once the scheduler has and stops (cancelling running
        // jobs) before the scheduler waits for them.
        services.AddHostedService<JobRecovery>();
    }

    /// <summary>Configured schedules of known jobs; an empty cron switches a schedule off.</summary>
    public static IEnumerable<(string Name, string Cron)> Schedules(WuSheOptions options) =>
        options.JobSchedules.Where(j => Known.ContainsKey(j.Key) && !string.IsNullOrWhiteSpace(j.Value)).Select(j => (j.Key, j.Value));

    public static TriggerKey CronTrigger(string job) => new($"{job}.cron");

    public ValueTask<IScheduler> SchedulerAsync(CancellationToken ct = default) => _factory.GetScheduler(ct);

    /// <summary>"Run now" from the jobs page: the same job, started by hand.</summary>
    public async Task RunNowAsync(string job, string by, CancellationToken ct = default) =>
        await (await SchedulerAsync(ct)).TriggerJob(new JobKey(job), new JobDataMap { [TriggerKind] = "手动", [StartedBy] = by }, ct);

    /// <summary>A batch of acceptance reports, in the background.</summary>
    public async Task RunBatchAsync(int batchId, CancellationToken ct = default) =>
        await (await SchedulerAsync(ct)).TriggerJob(new JobKey(Reports.ReportBatches.JobName), new JobDataMap { [BatchId] = batchId.ToString() }, ct);

    /// <summary>The next time a job's schedule fires, if it has one.</summary>
    public async Task<DateTimeOffset?> NextFireTimeAsync(string job, CancellationToken ct = default) =>
        (await (await SchedulerAsync(ct)).GetTrigger(CronTrigger(job), ct))?.NextFireTimeUtc;

    /// <summary>A text value a run was started with, or null when the fire (a cron trigger) carries none.</summary>
    public static string? Data(IJobExecutionContext context, string key) =>
        context.MergedJobDataMap.TryGetValue(key, out var value) ? value?.ToString() : null;

    /// <summary>
    /// What a fire stands for. A cron fire carries no data: it is a scheduled run (定时) for its own fire time; a
    /// catch-up or re-run carries its kind, fire time and attempt; a run by hand has no fire time.
    /// </summary>
    public static JobStart StartOf(IJobExecutionContext context, string job)
    {
        var trigger = Data(context, TriggerKind) ?? "定时";
        DateTimeOffset? scheduledFor = trigger == "手动" ? null
            : Data(context, ScheduledFor) is { } text ? DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : context.ScheduledFireTimeUtc;
        var attempt = Data(context, Attempt) is { } a ? int.Parse(a, System.Globalization.CultureInfo.InvariantCulture) : 1;
        return new JobStart(job, scheduledFor, trigger, Data(context, StartedBy) ?? "调度器", attempt);
    }

    /// <summary>"0 0 6 * * ?" → "06:00"; null for a schedule that is not once a day (or none).</summary>
    public static string? DailyTime(string cron)
    {
        var p = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return p.Length >= 6 && p[3] == "*" && p[4] == "*" && int.TryParse(p[1], out var m) && int.TryParse(p[2], out var h) ? $"{h:00}:{m:00}" : null;
    }

    public static CronExpression Cron(string expression) => new(expression, ChinaTime.Zone);

    /// <summary>The latest fire time after <paramref name="after"/> that is due by <paramref name="now"/>: missed runs coalesce into one.</summary>
    public static DateTimeOffset? MissedFireTime(CronExpression cron, DateTimeOffset after, DateTimeOffset now)
    {
        DateTimeOffset? missed = null;
        for (var next = cron.GetNextValidTimeAfter(after); next is { } t && t <= now; next = cron.GetNextValidTimeAfter(t)) missed = t;
        return missed;
    }
}
