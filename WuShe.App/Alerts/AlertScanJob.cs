using Quartz;
using WuShe.App.Jobs;

namespace WuShe.App.Alerts;

/// <summary>The scheduled full alert scan. One at a time; a scheduled fire time runs at most once (see <see cref="AlertScan"/>).</summary>
[DisallowConcurrentExecution]
public class AlertScanJob : IJob
{
    private readonly AlertScan _scan;

    public AlertScanJob(AlertScan scan) => _scan = scan;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) =>
        await _scan.RunAsync(ScheduledJobs.StartOf(context, AlertScan.JobName), ct);
}
