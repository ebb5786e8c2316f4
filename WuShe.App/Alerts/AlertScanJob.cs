using Quartz;
using WuShe.App.Jobs;

namespace WuShe.App.Alerts;

/// <summary>The scheduled full alert scan. One at a time; a scheduled fire time runs at most once (see <see cref="AlertScan"/>).</summary>
[DisallowConcurrentExecution]
public class AlertScanJob : IJob
{
    private readonly AlertScan _scan;

    public AlertScanJob(AlertScan scan) => _scan = scan;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        // A cron fire carries no data: it is a scheduled run for its own fire time.
        var trigger = ScheduledJobs.Data(context, ScheduledJobs.TriggerKind) ?? "定时";
        DateTimeOffset? scheduledFor = trigger == "手动" ? null
            : ScheduledJobs.Data(context, ScheduledJobs.ScheduledFor) is { } text ? DateTimeOffset.Parse(text) : context.ScheduledFireTimeUtc;
        var attempt = ScheduledJobs.Data(context, ScheduledJobs.Attempt) is { } a ? int.Parse(a) : 1;
        await _scan.RunAsync(trigger, ScheduledJobs.Data(context, ScheduledJobs.StartedBy) ?? "调度器", scheduledFor, ct, attempt);
    }
}
