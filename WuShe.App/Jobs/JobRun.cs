namespace WuShe.App.Jobs;

/// <summary>
/// One run of a scheduled job, kept in the database. A scheduled run is unique by (job, scheduled time): a restart that
/// catches up a missed run and the scheduler firing the same time can never both run it.
/// </summary>
public class JobRun
{
    public long Id { get; private set; }
    public string Job { get; private set; } = "";
    /// <summary>The fire time this run stands for; null for a run started by hand.</summary>
    public DateTimeOffset? ScheduledFor { get; private set; }
    /// <summary>定时 / 补跑 / 手动.</summary>
    public string Trigger { get; private set; } = "";
    public string StartedBy { get; private set; } = "";
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public bool? Succeeded { get; private set; }
    public string Result { get; private set; } = "";
    public int Opened { get; private set; }
    public int Refreshed { get; private set; }
    public int Resolved { get; private set; }

    protected JobRun() { }

    public JobRun(string job, DateTimeOffset? scheduledFor, string trigger, string startedBy, DateTimeOffset startedAt)
    {
        Job = job;
        ScheduledFor = scheduledFor;
        Trigger = trigger;
        StartedBy = startedBy;
        StartedAt = startedAt;
        Result = "运行中";
    }

    public TimeSpan? Duration => FinishedAt - StartedAt;

    public void Succeed(DateTimeOffset at, int opened, int refreshed, int resolved, string result)
    {
        FinishedAt = at;
        Succeeded = true;
        Opened = opened;
        Refreshed = refreshed;
        Resolved = resolved;
        Result = result;
    }

    public void Fail(DateTimeOffset at, string error)
    {
        FinishedAt = at;
        Succeeded = false;
        Result = "失败：" + error;
    }
}
