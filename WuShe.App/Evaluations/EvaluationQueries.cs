using Microsoft.EntityFrameworkCore;
using WuShe.App.Data;
using WuShe.Domain.Accounts;
using WuShe.Domain.Evaluations;
using WuShe.Domain.Sites;

namespace WuShe.App.Evaluations;

public sealed record SheetView(int Id, int EvaluatorUserId, string Evaluator, SheetState State, string StateLabel, IReadOnlyDictionary<string, decimal> Scores,
    decimal Total, string Comment, string ReturnReason, DateTimeOffset? SubmittedAt);

public sealed record EvaluationView(int Id, EvaluationPhase Phase, string PhaseLabel, int Round, int Version, Rubric Rubric, bool Complete, decimal? Score,
    string? Grade, IReadOnlyList<(string Dimension, decimal Max, decimal? Mean)> Dimensions, IReadOnlyList<SheetView> Sheets,
    EvaluationBody Body = EvaluationBody.City, bool Leads = true)
{
    /// <summary>"中期评估", or "区民政局中期评估（报送市民政局）" for a district's evaluation of a joint site.</summary>
    public string Title => Leads ? $"{PhaseLabel}评估" : $"{Body.Label()}{PhaseLabel}评估（报送市民政局）";
}

public sealed record DecisionView(int Id, string Conclusion, bool Accepted, DateOnly DecidedOn, string Reasons, string DecidedBy, string DocumentNumber);

public sealed record SiteEvaluations(int SiteId, string Street, SiteTier Tier, SiteState State, string StateLabel, IReadOnlyList<EvaluationView> Evaluations,
    IReadOnlyList<DecisionView> Decisions, IReadOnlyList<(int Id, string Name)> Evaluators, Rubric CampaignRubric, string? NotAcceptableBecause = null,
    IReadOnlyList<EvaluationPhase>? Openable = null, string EvaluationClause = "");

public class EvaluationQueries
{
    private readonly IDbContextFactory<WuSheDbContext> _contexts;

    private readonly Campaigns.CurrentCampaign _campaign;

    public EvaluationQueries(IDbContextFactory<WuSheDbContext> contexts, Campaigns.CurrentCampaign campaign)
    {
        _contexts = contexts;
        _campaign = campaign;
    }

    /// <summary>The active city evaluators assigned to a site (评估分工): the only ones who can be named on its evaluation.</summary>
    public static System.Linq.Expressions.Expression<Func<Accounts.UserAccount, bool>> EvaluatorsOf(int siteId) =>
        u => u.Role == UserRole.CityEvaluator && u.IsActive && u.AssignedSiteIds.Contains(siteId);

    /// <param name="actor">Who reads: decides which phases the page offers to open (the domain's own rule).</param>
    public async Task<SiteEvaluations> ForSiteAsync(UserScope scope, int siteId, CancellationToken ct = default, Actor? actor = null)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        var site = await db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Id == siteId, ct)
            ?? throw ScopedReads.NotInScope("创建点", siteId);
        var evaluations = (await db.Evaluations.AsNoTracking().Include(e => e.Sheets).Where(e => e.SiteId == siteId).ToListAsync(ct))
            .OrderBy(e => e.Leads(site.Tier) ? 0 : 1).ThenBy(e => e.Phase).ThenBy(e => e.Round).ToList();
        var openable = actor is not null && Evaluation.BodyOf(actor, site) is { } body
            ? new[] { EvaluationPhase.MidTerm, EvaluationPhase.Final }.Where(p => Evaluation.CannotOpenBecause(site, p, actor, evaluations.Where(e => e.Body == body).ToList()) is null).ToList()
            : [];
        var decisions = await db.AcceptanceDecisions.AsNoTracking().Where(d => d.SiteId == siteId).OrderBy(d => d.Id).ToListAsync(ct);
        var evaluators = await db.UserAccounts.Where(EvaluatorsOf(siteId)).OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        var campaign = await db.Campaigns.Where(c => c.Id == site.CampaignId).Select(c => new { c.Rubric, c.Clauses }).SingleAsync(ct);
        var rubric = campaign.Rubric;
        return new SiteEvaluations(site.Id, site.Street, site.Tier, site.State, site.State.Label(), evaluations.Select(e => ToView(e, site.Tier)).ToList(),
            decisions.Select(d => new DecisionView(d.Id, d.Conclusion, d.Accepted, d.DecidedOn, d.Reasons, d.DecidedBy, d.DocumentNumber)).ToList(),
            evaluators.Select(e => (e.Id, e.DisplayName)).ToList(), rubric,
            evaluations.Where(e => e.Phase == EvaluationPhase.Final && e.Complete && e.Leads(site.Tier)).MaxBy(e => e.Round) is { } final ? AcceptanceDecision.WhyNotAcceptable(final, campaign.Clauses.Acceptance) : null,
            openable, campaign.Clauses.Evaluation);
    }

    public async Task<Rubric> RubricAsync(UserScope scope, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        return await _campaign.In(db).Select(c => c.Rubric).SingleOrDefaultAsync(ct) ?? throw _campaign.Missing(db);
    }

    public static EvaluationView ToView(Evaluation e, SiteTier tier) => new(e.Id, e.Phase, e.Phase.Label(), e.Round, e.Version, e.Rubric, e.Complete, e.MeanScore,
        e.MeanScore is { } s ? e.Rubric.Grade(s) : null, e.DimensionScores,
        e.Sheets.OrderBy(s => s.Id).Select(s => new SheetView(s.Id, s.EvaluatorUserId, s.EvaluatorName, s.State, s.State.Label(), s.Scores, s.Total,
            s.Comment, s.ReturnReason, s.SubmittedAt)).ToList(), e.Body, e.Leads(tier));
}
