using Quartz;

namespace WuShe.App.Alerts;

/// <summary>The scheduled full alert scan. One at a time; a scheduled fire time runs at most once (see <see cref="AlertScan"/>).</summary>
[DisallowConcurrentExecution]
public class AlertScanJob : IJob
{
    private readonly AlertScan _scan;

    public AlertScanJob(AlertScan scan) => _scan = scan;

    public Task Execute(IJobExecutionContext context)
    {
        var data = context.MergedJobDataMap;
        var trigger = data.GetString(Jobs.QuartzHost.TriggerKind) ?? "定时";
        DateTimeOffset? scheduledFor = trigger == "手动" ? null
            : data.GetString(Jobs.QuartzHost.ScheduledFor) is { } text ? DateTimeOffset.Parse(text) : context.ScheduledFireTimeUtc;
        return _scan.RunAsync(trigger, data.GetString(Jobs.QuartzHost.StartedBy) ?? "调度器", scheduledFor, context.CancellationToken);
    }
}
