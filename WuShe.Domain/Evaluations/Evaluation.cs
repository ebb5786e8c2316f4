using WuShe.Domain.Accounts;
using WuShe.Domain.Common;
using WuShe.Domain.Sites;

namespace WuShe.Domain.Evaluations;

public enum EvaluationPhase
{
    /// <summary>中期评估.</summary>
    MidTerm,
    /// <summary>末期评估.</summary>
    Final,
}

/// <summary>
/// 评估主体 (五（三）): the city's evaluation team evaluates 市区联合创建点 in phases; each district bureau evaluates
/// "本区创建点项目" — its district-level sites and its joint sites too — and reports the results to the city. The
/// site's lifecycle follows one of them: the district's for a district-level site, the city team's for a joint site.
/// </summary>
public enum EvaluationBody
{
    /// <summary>市级评估团队.</summary>
    City,
    /// <summary>区民政局.</summary>
    District,
}

public enum SheetState
{
    /// <summary>草稿.</summary>
    Draft,
    /// <summary>已提交.</summary>
    Submitted,
    /// <summary>已退回.</summary>
    Returned,
}

/// <summary>One evaluator's scores (item key → points) and comment.</summary>
public class EvaluationSheet
{
    private Dictionary<string, decimal> _scores = new();

    public int Id { get; private set; }
    public int EvaluationId { get; private set; }
    public int EvaluatorUserId { get; private set; }
    public string EvaluatorName { get; private set; } = "";
    public SheetState State { get; private set; }
    public string Comment { get; private set; } = "";
    public string ReturnReason { get; private set; } = "";
    public DateTimeOffset? SubmittedAt { get; private set; }
    public IReadOnlyDictionary<string, decimal> Scores => _scores;
    public decimal Total => _scores.Values.Sum();

    protected EvaluationSheet() { }

    internal EvaluationSheet(int evaluatorUserId, string evaluatorName)
    {
        EvaluatorUserId = evaluatorUserId;
        EvaluatorName = evaluatorName;
        State = SheetState.Draft;
    }

    internal void Score(Rubric rubric, IReadOnlyDictionary<string, decimal> scores, string comment)
    {
        if (State == SheetState.Submitted) throw new DomainException("评估表已提交，不能修改；如需更正请由市民政局退回。");
        var errors = new List<FieldError>();
        foreach (var key in scores.Keys.Where(k => rubric.Items.All(i => i.Key != k)))
            errors.Add(new FieldError($"Scores[{key}]", $"评分项“{key}”不在评估指标中。"));
        foreach (var item in rubric.Items)
            if (scores.TryGetValue(item.Key, out var points) && (points < 0 || points > item.MaxPoints))
                errors.Add(new FieldError($"Scores[{item.Key}]", $"“{item.Name}”应在 0—{item.MaxPoints:0.##} 分之间，实际为 {points:0.##}。"));
        if (errors.Count > 0) throw new FieldValidationException(errors);
        _scores = scores.ToDictionary(k => k.Key, k => k.Value);
        Comment = comment.Trim();
    }

    internal void Submit(Rubric rubric, DateTimeOffset now)
    {
        if (State == SheetState.Submitted) throw new DomainException("评估表已经提交。");
        var missing = rubric.Items.Where(i => !_scores.ContainsKey(i.Key)).ToList();
        if (missing.Count > 0)
            throw new FieldValidationException(missing.Select(i => new FieldError($"Scores[{i.Key}]", $"请为“{i.Name}”打分。")).ToList());
        if (string.IsNullOrWhiteSpace(Comment))
            throw new FieldValidationException(new[] { new FieldError("Comment", "请填写评估意见。") });
        State = SheetState.Submitted;
        SubmittedAt = now;
        ReturnReason = "";
    }

    internal void Return(string reason)
    {
        if (State != SheetState.Submitted) throw new DomainException("只有已提交的评估表可以退回。");
        if (string.IsNullOrWhiteSpace(reason)) throw new FieldValidationException(new[] { new FieldError("Reason", "退回评估必须填写理由。") });
        State = SheetState.Returned;
        ReturnReason = reason.Trim();
    }
}

/// <summary>
/// 评估: one phase (中期/末期, round 1, 2… after rectification) of one site. District sites are evaluated by their
/// district officer on one sheet; joint sites by the city's assigned evaluators, one sheet each, combined as the mean.
/// Complete when every sheet is submitted; the rubric is copied in so later rubric changes do not alter it.
/// </summary>
public class Evaluation
{
    private readonly List<EvaluationSheet> _sheets = new();

    public int Id { get; private set; }
    public int SiteId { get; private set; }
    public int DistrictId { get; private set; }
    public EvaluationPhase Phase { get; private set; }
    public EvaluationBody Body { get; private set; }
    public int Round { get; private set; }
    public Rubric Rubric { get; private set; } = Rubric.SystemDefault;
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<EvaluationSheet> Sheets => _sheets;

    protected Evaluation() { }

    public bool Complete => _sheets.Count > 0 && _sheets.All(s => s.State == SheetState.Submitted);

    /// <summary>Mean total over submitted sheets; null while none is submitted.</summary>
    public decimal? MeanScore => Submitted.Any() ? Math.Round(Submitted.Average(s => s.Total), 2) : null;

    /// <summary>Mean points per dimension over submitted sheets.</summary>
    public IReadOnlyList<(string Dimension, decimal Max, decimal? Mean)> DimensionScores => Rubric.Dimensions
        .Select(d => (d.Name, d.MaxPoints, Submitted.Any() ? Math.Round(Submitted.Average(s => d.Items.Sum(i => s.Scores.GetValueOrDefault(i.Key))), 2) : (decimal?)null))
        .ToList();

    private IEnumerable<EvaluationSheet> Submitted => _sheets.Where(s => s.State == SheetState.Submitted);

    /// <summary>Whose evaluation moves the site through 中期/末期评估 and to 结项: the district's own sites, the city's joint sites.</summary>
    public static EvaluationBody LeadingBody(SiteTier tier) => tier == SiteTier.CityDistrictJoint ? EvaluationBody.City : EvaluationBody.District;

    /// <summary>Which body the actor evaluates a site as, or null when the actor evaluates nothing of it.</summary>
    public static EvaluationBody? BodyOf(Actor actor, Site site) => actor.Role switch
    {
        UserRole.DistrictOfficer when actor.DistrictId == site.DistrictId => EvaluationBody.District,
        UserRole.CityAdministrator when site.Tier == SiteTier.CityDistrictJoint => EvaluationBody.City,
        _ => null,
    };

    /// <summary>
    /// Why the actor cannot open this phase now, or null when they can. <paramref name="ofBody"/> are the site's
    /// evaluations by the actor's body (each body has its own phases and rounds).
    /// </summary>
    public static string? CannotOpenBecause(Site site, EvaluationPhase phase, Actor actor, IReadOnlyCollection<Evaluation> ofBody)
    {
        if (BodyOf(actor, site) is not { } body)
            return site.Tier == SiteTier.DistrictLevel ? "区级创建点由本区民政局评估。" : "市区联合创建点由市民政局组织评估团队评估，所在区民政局进行本区评估。";
        var leads = body == LeadingBody(site.Tier);
        var midTerm = ofBody.Where(e => e.Phase == EvaluationPhase.MidTerm).MaxBy(e => e.Round);
        if (phase == EvaluationPhase.MidTerm)
        {
            if (midTerm is not null) return $"{body.Label()}已有中期评估。";
            var allowed = leads ? site.State == SiteState.InProgress : site.State is SiteState.InProgress or SiteState.MidTermEvaluated or SiteState.FinalEvaluated or SiteState.Rectification;
            return allowed ? null : $"“{site.Street}”当前为“{site.State.Label()}”，创建中的创建点才能进行中期评估。";
        }
        if (midTerm is not { Complete: true }) return "末期评估须在中期评估提交之后进行。";
        if (ofBody.Any(e => e.Phase == EvaluationPhase.Final && !e.Complete)) return $"{body.Label()}已有未完成的末期评估。";
        if (leads ? site.State is not (SiteState.MidTermEvaluated or SiteState.Rectification)
                  : !SiteStates.InCreation.Contains(site.State) || ofBody.Any(e => e.Phase == EvaluationPhase.Final && e.Complete) && site.State != SiteState.Rectification)
            return $"“{site.Street}”当前为“{site.State.Label()}”，不能进行末期评估。";
        return null;
    }

    /// <summary>
    /// Opens an evaluation by the actor's body: a district officer on one sheet of their own (for any site of their
    /// district); the city for a joint site with its assigned evaluators. A final evaluation needs the same body's
    /// complete mid-term one; a new round follows rectification.
    /// </summary>
    public static Evaluation Open(Site site, EvaluationPhase phase, int round, Rubric rubric, Actor actor,
        IReadOnlyList<(int UserId, string Name)> evaluators, IReadOnlyCollection<Evaluation> ofBody, DateTimeOffset now)
    {
        if (CannotOpenBecause(site, phase, actor, ofBody) is { } why) throw new DomainException(why);
        var body = BodyOf(actor, site)!.Value;
        if (body == EvaluationBody.District) evaluators = new[] { (actor.UserId, actor.Name) };
        else if (evaluators.Count == 0) throw new FieldValidationException(new[] { new FieldError("Evaluators", "请至少指派一名评估专家。") });
        var problems = rubric.Validate();
        if (problems.Count > 0) throw new FieldValidationException(problems);
        var evaluation = new Evaluation { SiteId = site.Id, DistrictId = site.DistrictId, Phase = phase, Body = body, Round = round, Rubric = rubric, CreatedAt = now };
        evaluation._sheets.AddRange(evaluators.DistinctBy(e => e.UserId).Select(e => new EvaluationSheet(e.UserId, e.Name)));
        return evaluation;
    }

    /// <summary>Whether this evaluation moves the site (the leading body's), or is a report to the city (a district's of a joint site).</summary>
    public bool Leads(SiteTier tier) => Body == LeadingBody(tier);

    public void Score(Actor actor, IReadOnlyDictionary<string, decimal> scores, string comment)
    {
        SheetOf(actor).Score(Rubric, scores, comment);
        Version++;
    }

    /// <summary>Submits the actor's sheet; when it was the last one, the site records the phase.</summary>
    public void Submit(Actor actor, Site site, DateTimeOffset now)
    {
        SheetOf(actor).Submit(Rubric, now);
        Version++;
        if (!Complete || !Leads(site.Tier)) return;
        // A sheet resubmitted after a return completes the evaluation again; the site recorded the phase the first time.
        // Recorded as the evaluator who completed it, in their own role (never as 市民政局).
        if (Phase == EvaluationPhase.MidTerm && site.State == SiteState.InProgress) site.RecordMidTermEvaluation(actor, now);
        else if (Phase == EvaluationPhase.Final && site.State is SiteState.MidTermEvaluated or SiteState.Rectification) site.RecordFinalEvaluation(actor, now);
    }

    /// <summary>The city returns a submitted sheet with a reason; its evaluator corrects and submits again.</summary>
    public void Return(Actor actor, int sheetId, string reason)
    {
        if (actor.Role != UserRole.CityAdministrator) throw new DomainException("只有市民政局可以退回评估。");
        var sheet = _sheets.SingleOrDefault(s => s.Id == sheetId) ?? throw new DomainException("没有该评估表。");
        sheet.Return(reason);
        Version++;
    }

    private EvaluationSheet SheetOf(Actor actor) =>
        _sheets.SingleOrDefault(s => s.EvaluatorUserId == actor.UserId)
        ?? throw new DomainException(actor.Role == UserRole.CityEvaluator ? "您未被指派评估该创建点。" : "您不是该评估的评估人。");
}

public static class EvaluationLabels
{
    public static string Label(this EvaluationPhase p) => p == EvaluationPhase.MidTerm ? "中期" : "末期";

    public static string Label(this EvaluationBody b) => b == EvaluationBody.City ? "市级评估团队" : "区民政局";

    public static string Label(this SheetState s) => s switch { SheetState.Draft => "草稿", SheetState.Submitted => "已提交", _ => "已退回" };
}
