using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using WuShe.App.Accounts;
using WuShe.App.Components;
using WuShe.App.Hosting;
using WuShe.Domain.Accounts;
using WuShe.Domain.Common;
using WuShe.Domain.Evaluations;
using WuShe.Domain.Sites;

namespace WuShe.App.Evaluations;

public partial class EvaluationsPage
{
    [Parameter] public int SiteId { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;
    [Inject] private EvaluationQueries Queries { get; set; } = default!;
    [Inject] private EvaluationApplications Applications { get; set; } = default!;
    [Inject] private Radzen.DialogService Dialogs { get; set; } = default!;
    [Inject] private Radzen.NotificationService Toasts { get; set; } = default!;

    private ClaimsPrincipal user = default!;
    private Loaded<SiteEvaluations>? data;
    /// <summary>The user's own sheets, by evaluation: the scores and comment typed.</summary>
    private readonly Dictionary<int, SheetFields> sheets = new();
    private readonly Dictionary<int, string> returnReasons = new();
    private readonly OpeningFields opening = new();
    private FormCommand command = default!;
    private string? decisionReasons;
    private readonly SavedSnapshot saved = new();

    private IReadOnlyDictionary<string, string> errors => command.FieldErrors;
    private bool busy => command.Busy;
    private bool IsDirty() => saved.Differs(sheets);

    protected override void OnInitialized() => command = new FormCommand(Toasts);

    private UserScope Scope => user.Scope();
    private bool IsCity => Scope.Role == UserRole.CityAdministrator;
    private int UserId => int.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
    private bool Mine(SheetView s) => s.EvaluatorUserId == UserId;

    protected override async Task OnParametersSetAsync()
    {
        user = (await AuthState).User;
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        data = await Loaded<SiteEvaluations>.FromAsync(() => Queries.ForSiteAsync(Scope, SiteId, default, user.Actor()));
        foreach (var e in data.Value?.Evaluations ?? [])
            foreach (var s in e.Sheets.Where(Mine))
                sheets.TryAdd(e.Id, new SheetFields { Scores = s.Scores.ToDictionary(k => k.Key, k => k.Value), Comment = s.Comment });
        foreach (var s in data.Value?.Evaluations.SelectMany(e => e.Sheets) ?? []) returnReasons.TryAdd(s.Id, "");
        saved.Mark(sheets);
    }

    /// <summary>The domain decides (Evaluation.CannotOpenBecause); the page only offers what it allows.</summary>
    private static bool CanOpen(SiteEvaluations d, EvaluationPhase phase) => d.Openable?.Contains(phase) == true;

    private void Toggle(int id, bool on)
    {
        if (on) opening.Evaluators.Add(id); else opening.Evaluators.Remove(id);
    }

    private Task OpenAsync(EvaluationPhase phase) => RunAsync(async () =>
    {
        await Applications.OpenAsync(user.Actor(), Scope, SiteId, phase, opening.Evaluators.ToList());
        return data?.Value?.Tier == SiteTier.CityDistrictJoint && !IsCity
            ? $"已发起本区{phase.Label()}评估；提交后结果报送市民政局。" : $"已发起{phase.Label()}评估。";
    });

    private async Task SaveAsync(EvaluationView e, bool submit)
    {
        if (submit && !await Dialogs.ConfirmAsync("提交评估表", "评估表提交后不能再修改。", "确定提交")) return;
        await SaveConfirmedAsync(e, submit);
    }

    private Task SaveConfirmedAsync(EvaluationView e, bool submit) => RunAsync(async () =>
    {
        var version = await Applications.ScoreAsync(user.Actor(), Scope, e.Id, e.Version, sheets[e.Id].Scores, sheets[e.Id].Comment);
        if (submit) await Applications.SubmitAsync(user.Actor(), Scope, e.Id, version);
        return submit ? "评估表已提交，提交后不能再修改。" : "已保存。";
    });

    private Task ReturnAsync(EvaluationView e, int sheetId) => RunAsync(async () =>
    {
        await Applications.ReturnAsync(user.Actor(), Scope, e.Id, e.Version, sheetId, returnReasons.GetValueOrDefault(sheetId, ""));
        return "已退回该评估表。";
    });

    private Task DecideAsync(bool accept) => RunAsync(async () =>
    {
        await Applications.DecideAsync(user.Actor(), Scope, SiteId, accept, decisionReasons ?? "");
        return accept ? "已通过结项。" : "已决定整改，整改后进行新一轮末期评估。";
    });

    private Task RunAsync(Func<Task<string>> action) => command.RunAsync(async () =>
    {
        var done = await action();
        await ReloadAsync();
        return done;
    });

    /// <summary>Whom the city assigns to a joint site's evaluation (the domain's "Evaluators").</summary>
    private sealed class OpeningFields
    {
        public HashSet<int> Evaluators { get; } = new();
    }

    /// <summary>One evaluator's sheet as typed: the domain names its errors "Scores[key]" and "Comment".</summary>
    private sealed class SheetFields
    {
        public Dictionary<string, decimal> Scores { get; init; } = new();
        public string Comment { get; set; } = "";

        public decimal? Score(string key) => Scores.TryGetValue(key, out var v) ? v : null;

        public void SetScore(string key, decimal? value)
        {
            if (value is { } v) Scores[key] = v;
            else Scores.Remove(key);
        }
    }
}
