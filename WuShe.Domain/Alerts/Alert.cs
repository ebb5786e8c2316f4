using WuShe.Domain.Accounts;
using WuShe.Domain.Common;

namespace WuShe.Domain.Alerts;

public enum AlertState
{
    /// <summary>未处理.</summary>
    Open,
    /// <summary>已知悉.</summary>
    Acknowledged,
    /// <summary>已解除.</summary>
    Resolved,
}

/// <summary>预警: a finding kept over time — first seen, last seen, acknowledged with a note, resolved when it clears.</summary>
public class Alert
{
    public int Id { get; private set; }
    /// <summary>The campaign whose rules raised it: a scan of one campaign never touches another's alerts.</summary>
    public int CampaignId { get; private set; }
    public AlertRule Rule { get; private set; }
    public string RuleKey { get; private set; } = "";
    public AlertScope Scope { get; private set; }
    public string ScopeKey { get; private set; } = "";
    public string Period { get; private set; } = "";
    public AlertSeverity Severity { get; private set; }
    public string Title { get; private set; } = "";
    public string Numbers { get; private set; } = "";
    public string Clause { get; private set; } = "";
    public int? DistrictId { get; private set; }
    public int? SiteId { get; private set; }
    public string Link { get; private set; } = "";
    public AlertState State { get; private set; }
    public DateTimeOffset FirstSeen { get; private set; }
    public DateTimeOffset LastSeen { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public string AcknowledgedBy { get; private set; } = "";
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public string AcknowledgeNote { get; private set; } = "";

    protected Alert() { }

    public Alert(int campaignId, AlertFinding f, DateTimeOffset now)
    {
        CampaignId = campaignId;
        Rule = f.Rule;
        RuleKey = f.RuleKey;
        Scope = f.Scope;
        ScopeKey = f.ScopeKey;
        Period = f.Period;
        FirstSeen = now;
        State = AlertState.Open;
        Refresh(f, now);
    }

    public bool Matches(AlertFinding f) => f.Rule == Rule && f.RuleKey == RuleKey && f.ScopeKey == ScopeKey && f.Period == Period;

    /// <summary>Seen again: the latest numbers; a resolved alert whose condition returns opens again.</summary>
    public void Refresh(AlertFinding f, DateTimeOffset now)
    {
        if (!Matches(f)) throw new DomainException("预警与发现的条件不一致。");
        Severity = f.Severity;
        Title = f.Title;
        Numbers = f.Numbers;
        Clause = f.Clause;
        DistrictId = f.DistrictId;
        SiteId = f.SiteId;
        Link = f.Link;
        LastSeen = now;
        if (State == AlertState.Resolved)
        {
            State = AlertState.Open;
            ResolvedAt = null;
            AcknowledgedBy = "";
            AcknowledgedAt = null;
            AcknowledgeNote = "";
        }
    }

    /// <summary>The condition has cleared.</summary>
    public void Resolve(DateTimeOffset now)
    {
        if (State == AlertState.Resolved) throw new DomainException("该预警已经解除。");
        State = AlertState.Resolved;
        ResolvedAt = now;
    }

    /// <summary>Longest 处理说明 kept with an acknowledgement (系统设定).</summary>
    public const int MaxNoteLength = 500;

    /// <summary>Those who act on alerts acknowledge them; the read-only viewer and the evaluators do not.</summary>
    public static bool MayAcknowledge(UserRole role) => role is not (UserRole.Viewer or UserRole.CityEvaluator);

    public void Acknowledge(Actor actor, string note, DateTimeOffset now)
    {
        if (!MayAcknowledge(actor.Role)) throw new DomainException($"{actor.Role.Label()}账号不能知悉预警。");
        if (State != AlertState.Open) throw new DomainException(State == AlertState.Resolved ? $"“{Title}”已解除，无需知悉。" : $"“{Title}”已被知悉。");
        if ((note ?? "").Trim().Length > MaxNoteLength)
            throw new Common.FieldValidationException(new[] { new Common.FieldError("Note", $"处理说明最多 {MaxNoteLength} 个字（系统设定）。") });
        State = AlertState.Acknowledged;
        AcknowledgedBy = actor.Name;
        AcknowledgedAt = now;
        AcknowledgeNote = (note ?? "").Trim();
    }
}

public static class AlertStateLabels
{
    public static string Label(this AlertState s) => s switch { AlertState.Open => "未处理", AlertState.Acknowledged => "已知悉", _ => "已解除" };
}
