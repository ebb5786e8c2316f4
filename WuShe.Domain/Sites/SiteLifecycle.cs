using WuShe.Domain.Accounts;

namespace WuShe.Domain.Sites;

/// <summary>The named commands that move a site through SPEC §4.</summary>
public enum SiteCommand
{
    /// <summary>创建草稿.</summary>
    Draft,
    /// <summary>指定为市区联合创建点.</summary>
    Designate,
    /// <summary>提交申报.</summary>
    Submit,
    /// <summary>退回.</summary>
    Return,
    /// <summary>审批立项.</summary>
    Approve,
    /// <summary>开始创建.</summary>
    StartCreation,
    /// <summary>完成中期评估.</summary>
    RecordMidTermEvaluation,
    /// <summary>完成末期评估.</summary>
    RecordFinalEvaluation,
    /// <summary>通过结项.</summary>
    Accept,
    /// <summary>责令整改.</summary>
    RequireRectification,
}

/// <summary>One row of the transition table: from which states, to which, by which roles, and whether a reason is required.</summary>
public sealed record SiteTransitionRule(SiteCommand Command, IReadOnlySet<SiteState> From, SiteState To,
    IReadOnlySet<UserRole> Roles, bool NeedsReason);

/// <summary>The lifecycle state machine (SPEC §4). Anything not in <see cref="Rules"/> is refused.</summary>
public static class SiteLifecycle
{
    private static IReadOnlySet<SiteState> States(params SiteState[] s) => new HashSet<SiteState>(s);
    private static IReadOnlySet<UserRole> Roles(params UserRole[] r) => new HashSet<UserRole>(r);

    public static readonly IReadOnlyList<SiteTransitionRule> Rules = new[]
    {
        new SiteTransitionRule(SiteCommand.Submit, States(SiteState.Draft, SiteState.Returned), SiteState.Submitted,
            Roles(UserRole.DistrictOfficer), NeedsReason: false),
        new SiteTransitionRule(SiteCommand.Return, States(SiteState.Submitted), SiteState.Returned,
            Roles(UserRole.CityAdministrator), NeedsReason: true),
        new SiteTransitionRule(SiteCommand.Approve, States(SiteState.Submitted), SiteState.Approved,
            Roles(UserRole.CityAdministrator), NeedsReason: false),
        new SiteTransitionRule(SiteCommand.StartCreation, States(SiteState.Approved), SiteState.InProgress,
            Roles(UserRole.CityAdministrator, UserRole.DistrictOfficer), NeedsReason: false),
        // Recorded by whoever submits the last sheet: the district officer, or a joint site's assigned city evaluator.
        new SiteTransitionRule(SiteCommand.RecordMidTermEvaluation, States(SiteState.InProgress), SiteState.MidTermEvaluated,
            Roles(UserRole.DistrictOfficer, UserRole.CityAdministrator, UserRole.CityEvaluator), NeedsReason: false),
        new SiteTransitionRule(SiteCommand.RecordFinalEvaluation, States(SiteState.MidTermEvaluated, SiteState.Rectification), SiteState.FinalEvaluated,
            Roles(UserRole.DistrictOfficer, UserRole.CityAdministrator, UserRole.CityEvaluator), NeedsReason: false),
        new SiteTransitionRule(SiteCommand.Accept, States(SiteState.FinalEvaluated), SiteState.Accepted,
            Roles(UserRole.CityAdministrator), NeedsReason: false),
        new SiteTransitionRule(SiteCommand.RequireRectification, States(SiteState.FinalEvaluated), SiteState.Rectification,
            Roles(UserRole.CityAdministrator), NeedsReason: true),
    };

    public static SiteTransitionRule Rule(SiteCommand command) =>
        Rules.SingleOrDefault(r => r.Command == command)
        ?? throw new InvalidOperationException($"{command} is not a transition of the table.");

    public static string Label(this SiteCommand command) => command switch
    {
        SiteCommand.Draft => "创建草稿",
        SiteCommand.Designate => "指定为市区联合创建点",
        SiteCommand.Submit => "提交申报",
        SiteCommand.Return => "退回",
        SiteCommand.Approve => "审批立项",
        SiteCommand.StartCreation => "开始创建",
        SiteCommand.RecordMidTermEvaluation => "完成中期评估",
        SiteCommand.RecordFinalEvaluation => "完成末期评估",
        SiteCommand.Accept => "通过结项",
        SiteCommand.RequireRectification => "责令整改",
        _ => command.ToString(),
    };
}

/// <summary>One step of a site's timeline: who, when, from, to, why.</summary>
public class SiteTransition
{
    public int Id { get; private set; }
    public int SiteId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public int UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public UserRole Role { get; private set; }
    public SiteCommand Command { get; private set; }
    public SiteState? From { get; private set; }
    public SiteState To { get; private set; }
    public string Reason { get; private set; } = "";

    protected SiteTransition() { }

    internal SiteTransition(Actor actor, SiteCommand command, SiteState? from, SiteState to, string? reason, DateTimeOffset at)
    {
        At = at;
        UserId = actor.UserId;
        UserName = actor.Name;
        Role = actor.Role;
        Command = command;
        From = from;
        To = to;
        Reason = reason?.Trim() ?? "";
    }
}
