namespace WuShe.App.Reports;

public enum BatchState { Queued, Running, Completed, Failed }

/// <summary>
/// 批量生成: all acceptance reports of a district (or the city) as one ZIP, made by a background job. The ZIP is written
/// as a ".part" file and renamed only when complete, so an interrupted batch never offers a broken archive.
/// </summary>
public class ReportBatch
{
    public int Id { get; private set; }
    /// <summary>District code, or null for the whole city.</summary>
    public string? DistrictCode { get; private set; }
    public string Title { get; private set; } = "";
    public BatchState State { get; private set; }
    public int Total { get; private set; }
    public int Done { get; private set; }
    public string Error { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    /// <summary>How often a stop or a crash sent the batch back to the queue; it starts from the first site each time.</summary>
    public int Restarts { get; private set; }

    /// <summary>A batch cut off (by a stop or a crash) may go back to the queue this many times before it is failed.</summary>
    public const int MaxRestarts = 2;

    protected ReportBatch() { }

    public ReportBatch(string? districtCode, string title, string createdBy, DateTimeOffset now)
    {
        DistrictCode = districtCode;
        Title = title;
        CreatedBy = createdBy;
        CreatedAt = now;
        State = BatchState.Queued;
    }

    public void Start(int total)
    {
        State = BatchState.Running;
        Total = total;
        Done = 0;
    }

    public void Advance() => Done++;

    public void Complete(DateTimeOffset now)
    {
        State = BatchState.Completed;
        FinishedAt = now;
    }

    /// <summary>Back to the queue after a stop or a crash: nothing of the cut-off run is kept, the next run starts over.</summary>
    public void Requeue(string reason)
    {
        if (State != BatchState.Running && State != BatchState.Queued)
            throw new InvalidOperationException($"批量报告 {Id} 已{StateLabel}，不能重新排队。");
        State = BatchState.Queued;
        Done = 0;
        Restarts++;
        Error = reason;
    }

    public bool MayRestart => Restarts < MaxRestarts;

    public void Fail(string error, DateTimeOffset now)
    {
        State = BatchState.Failed;
        Error = error;
        FinishedAt = now;
    }

    public string StateLabel => State switch
    {
        BatchState.Queued => "排队中", BatchState.Running => "生成中", BatchState.Completed => "已完成", _ => "失败",
    };
}
