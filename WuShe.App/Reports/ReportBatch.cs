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
