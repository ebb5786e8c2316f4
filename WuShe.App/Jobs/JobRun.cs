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
    /// <summary>1 for a fire time's first run; a run cut off by a stop or a crash (中断) is run once more as the next attempt.</summary>
    public int Attempt { get; private set; } = 1;
    /// <summary>中断: the run was cut off (stop, crash) before it finished; nothing it was doing was kept.</summary>
    public bool Interrupted { get; private set; }

    protected JobRun() { }

    public JobRun(string job, DateTimeOffset? scheduledFor, string trigger, string startedBy, DateTimeOffset startedAt, int attempt = 1)
    {
        if (attempt < 1) throw new ArgumentOutOfRangeException(nameof(attempt));
        Attempt = attempt;
        Job = job;
        ScheduledFor = scheduledFor;
        Trigger = trigger;
        StartedBy = startedBy;
        StartedAt = startedAt;
        Result = "运行中";
    }

    public TimeSpan? Duration => FinishedAt - StartedAt;

    /// <summary>Still running: no end recorded.</summary>
    public bool Running => FinishedAt is null;

    /// <summary>运行状态 as the jobs page shows it.</summary>
    public string State => Running ? "运行中" : Interrupted ? "中断" : Succeeded == true ? "成功" : "失败";

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

    /// <summary>Cut off before it finished, by a stop (seen as it happened) or a crash (found at the next start).</summary>
    public void Interrupt(DateTimeOffset at, string reason)
    {
        if (!Running) throw new InvalidOperationException($"运行记录 {Id} 已结束（{State}），不能再标记为中断。");
        FinishedAt = at;
        Succeeded = false;
        Interrupted = true;
        Result = "中断：" + reason;
    }
}
