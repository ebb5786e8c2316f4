using WuShe.Domain.Accounts;

namespace WuShe.Domain.Auditing;

/// <summary>操作日志: who did what to which record, when, with the values before and after.</summary>
public class AuditEntry
{
    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public int UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public UserRole Role { get; private set; }
    /// <summary>e.g. "提交申报", "保存草稿", "调整名额".</summary>
    public string Action { get; private set; } = "";
    /// <summary>e.g. "创建点", "区名额".</summary>
    public string EntityType { get; private set; } = "";
    public int EntityId { get; private set; }
    /// <summary>The district the record belongs to, so the log can be filtered and scoped by district.</summary>
    public int? DistrictId { get; private set; }
    public string Summary { get; private set; } = "";
    public string Reason { get; private set; } = "";
    /// <summary>JSON list of {field, before, after}.</summary>
    public string Changes { get; private set; } = "[]";

    protected AuditEntry() { }

    public AuditEntry(Actor actor, DateTimeOffset at, string action, string entityType, int entityId, int? districtId,
        string summary, string? reason, string changes)
    {
        At = at;
        UserId = actor.UserId;
        UserName = actor.Name;
        Role = actor.Role;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        DistrictId = districtId;
        Summary = summary;
        Reason = reason?.Trim() ?? "";
        Changes = changes;
    }
}
