using System.Collections.Specialized;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using Quartz.Impl;
using Quartz.Spi;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.Domain.Common;

namespace WuShe.App.Jobs;

/// <summary>
/// Starts the Quartz scheduler with the host and stops it with the host (Quartz.Extensions.Hosting is not in the feed),
/// schedules the jobs from configuration (cron, Asia/Shanghai), and on start catches up a run missed while the app was
/// down: once, for the latest missed fire time (misfire policy "fire once now"). Runs are recorded by the jobs.
/// </summary>
public sealed class QuartzHost : IHostedService
{
    public const string TriggerKind = "trigger", ScheduledFor = "scheduledFor", StartedBy = "startedBy";

    /// <summary>The jobs the app knows, by the name used in configuration.</summary>
    public static readonly IReadOnlyDictionary<string, (Type Type, string Title)> Known = new Dictionary<string, (Type, string)>
    {
        [Alerts.AlertScan.JobName] = (typeof(Alerts.AlertScanJob), "预警扫描"),
        [Reports.ReportBatches.JobName] = (typeof(Reports.ReportBatchJob), "验收报告批量生成"),
    };

    private readonly IServiceProvider _services;
    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private readonly WuSheOptions _options;
    private readonly ILogger<QuartzHost> _log;

    public QuartzHost(IServiceProvider services, IDbContextFactory<WuSheDbContext> contexts, IOptions<WuSheOptions> options, ILogger<QuartzHost> log)
    {
        _services = services;
        _contexts = contexts;
        _options = options.Value;
        _log = log;
    }

    public IScheduler? Scheduler { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }

    public async Task StartAsync(CancellationToken ct)
    {
        var properties = new NameValueCollection
        {
            ["quartz.scheduler.instanceName"] = "WuShe",
            ["quartz.threadPool.maxConcurrency"] = "2",
        };
        Scheduler = await new StdSchedulerFactory(properties).GetScheduler(ct);
        Scheduler.JobFactory = new ScopedJobFactory(_services);
        foreach (var (name, cron) in _options.JobSchedules.Where(j => Known.ContainsKey(j.Key) && !string.IsNullOrWhiteSpace(j.Value)))
            await ScheduleAsync(name, cron, ct);
        // Jobs started on demand only (batch reports) are stored without a trigger.
        foreach (var (name, (type, _)) in Known.Where(k => !_options.JobSchedules.ContainsKey(k.Key)))
            await Scheduler.AddJob(JobBuilder.Create(type).WithIdentity(name).StoreDurably().Build(), replace: true, ct);
        await Scheduler.Start(ct);
        StartedAt = DateTimeOffset.UtcNow;
        _log.LogInformation("Quartz 调度器已启动");
        foreach (var (name, cron) in _options.JobSchedules.Where(j => Known.ContainsKey(j.Key) && !string.IsNullOrWhiteSpace(j.Value)))
            await CatchUpAsync(name, cron, ct);
    }

    public async Task StopAsync(CancellationToken ct)
    {
        if (Scheduler is { IsShutdown: false }) await Scheduler.Shutdown(waitForJobsToComplete: true, ct);
    }

    /// <summary>"Run now" from the jobs page: the same job, started by hand.</summary>
    public Task RunNowAsync(string job, string by) =>
        Scheduler!.TriggerJob(new JobKey(job), new JobDataMap { [TriggerKind] = "手动", [StartedBy] = by });

    /// <summary>A batch of acceptance reports, in the background.</summary>
    public Task RunBatchAsync(int batchId) =>
        Scheduler!.TriggerJob(new JobKey(Reports.ReportBatches.JobName), new JobDataMap { ["batchId"] = batchId });

    public static CronExpression Cron(string expression) => new(expression) { TimeZone = ChinaTime.Zone };

    private async Task ScheduleAsync(string name, string cron, CancellationToken ct)
    {
        var job = JobBuilder.Create(Known[name].Type).WithIdentity(name).StoreDurably().Build();
        var trigger = TriggerBuilder.Create().WithIdentity($"{name}.cron").ForJob(job)
            .WithCronSchedule(cron, x => x.InTimeZone(ChinaTime.Zone).WithMisfireHandlingInstructionFireAndProceed())
            .Build();
        await Scheduler!.ScheduleJob(job, trigger, ct);
    }

    /// <summary>The latest fire time between the last recorded scheduled run (or a day ago) and now, run once if it was missed.</summary>
    private async Task CatchUpAsync(string name, string cron, CancellationToken ct)
    {
        await using var db = await _contexts.CreateDbContextAsync(ct);
        var last = await db.JobRuns.Where(r => r.Job == name && r.ScheduledFor != null)
            .OrderByDescending(r => r.ScheduledFor).Select(r => r.ScheduledFor).FirstOrDefaultAsync(ct);
        var now = DateTimeOffset.UtcNow;
        var missed = MissedFireTime(Cron(cron), last ?? now.AddDays(-1), now);
        if (missed is null) return;
        _log.LogInformation("补跑 {Job}：{Missed}", name, missed);
        await Scheduler!.TriggerJob(new JobKey(name), new JobDataMap
        {
            [TriggerKind] = "补跑", [ScheduledFor] = missed.Value.ToString("O"), [StartedBy] = "启动补跑",
        }, ct);
    }

    public static DateTimeOffset? MissedFireTime(CronExpression cron, DateTimeOffset after, DateTimeOffset now)
    {
        DateTimeOffset? missed = null;
        for (var next = cron.GetTimeAfter(after); next is { } t && t <= now; next = cron.GetTimeAfter(t)) missed = t;
        return missed;
    }
}

/// <summary>Each run gets its own DI scope, disposed when Quartz returns the job.</summary>
internal sealed class ScopedJobFactory : IJobFactory
{
    private readonly IServiceProvider _services;

    public ScopedJobFactory(IServiceProvider services) => _services = services;

    public IJob NewJob(TriggerFiredBundle bundle, IScheduler scheduler)
    {
        var scope = _services.CreateScope();
        var job = (IJob)ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, bundle.JobDetail.JobType);
        return new ScopedJob(scope, job);
    }

    public void ReturnJob(IJob job) => (job as ScopedJob)?.Scope.Dispose();

    private sealed record ScopedJob(IServiceScope Scope, IJob Inner) : IJob
    {
        public Task Execute(IJobExecutionContext context) => Inner.Execute(context);
    }
}
