namespace WuShe.App.Hosting;

/// <summary>Someone else saved the record after this user loaded it; nothing was written.</summary>
public class ConcurrencyConflictException : Exception
{
    public int CurrentVersion { get; }
    public string ChangedBy { get; }
    public DateTimeOffset? ChangedAt { get; }

    public ConcurrencyConflictException(int currentVersion, string changedBy, DateTimeOffset? changedAt)
        : base($"该记录已被{changedBy}于 {changedAt?.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm:ss} 修改，您的保存未生效。请查看对方的内容后再决定。")
    {
        CurrentVersion = currentVersion;
        ChangedBy = changedBy;
        ChangedAt = changedAt;
    }
}
