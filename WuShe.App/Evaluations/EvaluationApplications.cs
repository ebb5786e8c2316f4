using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.App.Sites;
using WuShe.Domain.Accounts;
using WuShe.Domain.Auditing;
using WuShe.Domain.Common;
using WuShe.Domain.Evaluations;
using WuShe.Domain.Sites;

namespace WuShe.App.Evaluations;

/// <summary>Evaluation commands: open a phase, score, submit, return, decide acceptance, change the rubric — scoped and audited.</summary>
public class EvaluationApplications
{
    public const string EntityType = "评估";
    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private readonly Campaigns.CampaignQueries _campaigns;
    private readonly IClock _clock;

    public EvaluationApplications(IDbContextFactory<WuSheDbContext> contexts, Campaigns.CampaignQueries campaigns, IClock clock)
    {
        _contexts = contexts;
        _campaigns = campaigns;
        _clock = clock;
    }

    public async Task<int> OpenAsync(Actor actor, UserScope scope, int siteId, EvaluationPhase phase, IReadOnlyList<int> evaluatorIds, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var site = await LoadSiteAsync(db, scope, siteId, ct);
        // A user who evaluates nothing of this site is refused by Evaluation.Open with the reason; their "body" is then moot.
        var body = Evaluation.BodyOf(actor, site) ?? Evaluation.LeadingBody(site.Tier);
        var ofBody = await db.Evaluations.Include(e => e.Sheets).Where(e => e.SiteId == siteId && e.Body == body).ToListAsync(ct);
        var round = ofBody.Where(e => e.Phase == phase).Select(e => e.Round).DefaultIfEmpty(0).Max() + 1;
        var evaluators = body == EvaluationBody.City
            ? await db.UserAccounts.Where(u => evaluatorIds.Contains(u.Id)).Where(EvaluationQueries.EvaluatorsOf(siteId)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct)
            : [];
        if (body == EvaluationBody.City && evaluators.Count != evaluatorIds.Distinct().Count())
            throw new FieldValidationException([new("Evaluators", "所选评估专家须是分配到该创建点的有效专家账号（在账号管理中分配）。")]);
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == site.CampaignId, ct);
        var evaluation = Evaluation.Open(site, phase, round, campaign.Rubric, actor, evaluators.Select(e => (e.Id, e.DisplayName)).ToList(), ofBody, _clock.Now);
        db.Evaluations.Add(evaluation);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(Audit(actor, evaluation, site, $"发起{phase.Label()}评估（{evaluation.Body.Label()}）", null,
            evaluators.Count > 0 ? $"评估专家：{string.Join("、", evaluators.Select(e => e.DisplayName))}" : ""));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return evaluation.Id;
    }

    public Task<int> ScoreAsync(Actor actor, UserScope scope, int evaluationId, int version, IReadOnlyDictionary<string, decimal> scores, string comment, CancellationToken ct = default) =>
        ExecuteAsync(actor, scope, evaluationId, version, "保存评估表", null, (e, _) => e.Score(actor, scores, comment), ct);

    public Task<int> SubmitAsync(Actor actor, UserScope scope, int evaluationId, int version, CancellationToken ct = default) =>
        ExecuteAsync(actor, scope, evaluationId, version, "提交评估表", null, (e, site) => e.Submit(actor, site, _clock.Now), ct);

    public Task<int> ReturnAsync(Actor actor, UserScope scope, int evaluationId, int version, int sheetId, string reason, CancellationToken ct = default) =>
        ExecuteAsync(actor, scope, evaluationId, version, "退回评估表", reason, (e, _) => e.Return(actor, sheetId, reason), ct);

    public async Task<int> DecideAsync(Actor actor, UserScope scope, int siteId, bool accept, string reasons, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var site = await LoadSiteAsync(db, scope, siteId, ct);
        var leading = Evaluation.LeadingBody(site.Tier);
        var final = await db.Evaluations.Include(e => e.Sheets).Where(e => e.SiteId == siteId && e.Phase == EvaluationPhase.Final && e.Body == leading)
            .OrderByDescending(e => e.Round).FirstOrDefaultAsync(ct) ?? throw new DomainException($"该创建点尚无{leading.Label()}的末期评估。");
        var code = await db.Districts.Where(d => d.Id == site.DistrictId).Select(d => d.Code).SingleAsync(ct);
        var clauses = await db.Campaigns.Where(c => c.Id == site.CampaignId).Select(c => c.Clauses).SingleAsync(ct);
        var decision = AcceptanceDecision.Decide(site, final, accept, reasons, actor, _clock.Now, code, clauses.Acceptance);
        db.AcceptanceDecisions.Add(decision);
        db.AuditEntries.Add(Audit(actor, final, site, decision.Conclusion, reasons, $"末期评估第 {final.Round} 轮，得分 {final.MeanScore:0.##}"));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return decision.Id;
    }

    public async Task ChangeRubricAsync(Actor actor, UserScope scope, Rubric rubric, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        var code = (await _campaigns.LoadCampaignAsync(db, ct)).Code;
        var campaign = await db.Campaigns.SingleAsync(c => c.Code == code, ct);
        var before = campaign.Rubric;
        campaign.ChangeRubric(actor, rubric);
        db.AuditEntries.Add(new AuditEntry(actor, _clock.Now, "修改评估指标", "评估指标", campaign.Id, null, campaign.Name, null,
            JsonSerializer.Serialize(new[] { new FieldChange("评估指标", before.Summary, campaign.Rubric.Summary) }, AuditJson.Options)));
        await db.SaveChangesAsync(ct);
    }

    private async Task<int> ExecuteAsync(Actor actor, UserScope scope, int evaluationId, int version, string action, string? reason,
        Action<Evaluation, Site> change, CancellationToken ct)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var evaluation = await db.Evaluations.Include(e => e.Sheets).SingleOrDefaultAsync(e => e.Id == evaluationId, ct)
            ?? throw new NotFoundException($"没有编号为 {evaluationId} 的评估。");
        var site = await LoadSiteAsync(db, scope, evaluation.SiteId, ct);
        if (evaluation.Version != version) throw new ConcurrencyConflictException(evaluation.Version, "其他用户", null);
        change(evaluation, site);
        db.AuditEntries.Add(Audit(actor, evaluation, site, action, reason, evaluation.MeanScore is { } s ? $"当前得分 {s:0.##}" : ""));
        await db.SaveOrConflictAsync(tx, () => Task.FromResult<Exception>(new ConcurrencyConflictException(version + 1, "其他用户", null)), ct);
        return evaluation.Version;
    }

    private static async Task<Site> LoadSiteAsync(WuSheDbContext db, UserScope scope, int siteId, CancellationToken ct) =>
        await db.Sites.Include(s => s.Communities).Include(s => s.SocialWorkers).Include(s => s.Transitions)
            .AsSplitQuery().SingleOrDefaultAsync(s => s.Id == siteId, ct)
        ?? throw ScopedReads.NotInScope("创建点", siteId);

    private AuditEntry Audit(Actor actor, Evaluation e, Site site, string action, string? reason, string note) =>
        new(actor, _clock.Now, action, EntityType, e.Id, site.DistrictId, $"{site.Street} {e.Phase.Label()}评估第 {e.Round} 轮{(note == "" ? "" : "，" + note)}", reason,
            "[]");
}
