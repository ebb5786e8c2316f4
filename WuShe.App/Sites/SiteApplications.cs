using WuShe.App.Campaigns;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.Domain.Accounts;
using WuShe.Domain.Auditing;
using WuShe.Domain.Common;
using WuShe.Domain.Sites;

namespace WuShe.App.Sites;

/// <summary>
/// The commands on a site: each loads it within the user's scope, calls the domain, writes an audit entry and saves —
/// inside one SQLite write transaction, so two submissions cannot both pass the quota check. A save that carries an
/// older version than the database holds is refused with <see cref="ConcurrencyConflictException"/>.
/// </summary>
public class SiteApplications
{
    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private readonly Campaigns.CampaignQueries _campaigns;
    private readonly IClock _clock;

    public SiteApplications(IDbContextFactory<WuSheDbContext> contexts, Campaigns.CampaignQueries campaigns, IClock clock)
    {
        _contexts = contexts;
        _campaigns = campaigns;
        _clock = clock;
    }

    public async Task<int> CreateDraftAsync(Actor actor, UserScope scope, ApplicationDetails details, CancellationToken ct = default)
    {
        if (actor.Role != UserRole.DistrictOfficer || actor.DistrictId is not { } districtId)
            throw new DomainException("只有区民政局可以创建申报。");
        await using var db = await _contexts.ForAsync(scope, ct);
        var campaign = await _campaigns.LoadCampaignAsync(db, ct);
        if (!await db.Districts.AnyAsync(d => d.Id == districtId && d.CampaignId == campaign.Id, ct))
            throw ScopedReads.NotInScope("区", districtId);
        var site = Site.DraftApplication(campaign.Id, districtId, actor, details, _clock.Now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Sites.Add(site);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(Audit(actor, site, SiteCommand.Draft.Label(), null, DetailsDiff.Between(ApplicationDetails.Empty, site.Details)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return site.Id;
    }

    public Task<int> SaveDraftAsync(Actor actor, UserScope scope, int siteId, int expectedVersion, ApplicationDetails details, CancellationToken ct = default) =>
        ExecuteAsync(actor, scope, siteId, expectedVersion, "保存申报信息", null, (site, _) =>
        {
            var before = site.Details;
            site.UpdateDetails(actor, details);
            return Task.FromResult(DetailsDiff.Between(before, site.Details));
        }, ct);

    public Task<int> SubmitAsync(Actor actor, UserScope scope, int siteId, int expectedVersion, CancellationToken ct = default) =>
        ExecuteAsync(actor, scope, siteId, expectedVersion, SiteCommand.Submit.Label(), null, async (site, db) =>
        {
            var district = await db.Districts.SingleAsync(d => d.Id == site.DistrictId, ct);
            site.Submit(actor, await QuotaLedgers.ForDistrictAsync(db, district, ct), _clock.Now, ChinaTime.Today(_clock).Year);
            return NoFieldChanges;
        }, ct);

    public Task<int> ReturnAsync(Actor actor, UserScope scope, int siteId, int expectedVersion, string reason, CancellationToken ct = default) =>
        ExecuteAsync(actor, scope, siteId, expectedVersion, SiteCommand.Return.Label(), reason, (site, _) =>
        {
            site.Return(actor, reason, _clock.Now);
            return Task.FromResult(NoFieldChanges);
        }, ct);

    public Task<int> ApproveAsync(Actor actor, UserScope scope, int siteId, int expectedVersion, CancellationToken ct = default) =>
        ExecuteAsync(actor, scope, siteId, expectedVersion, SiteCommand.Approve.Label(), null, (site, _) =>
        {
            site.Approve(actor, _clock.Now);
            return Task.FromResult(NoFieldChanges);
        }, ct);

    public Task<int> StartCreationAsync(Actor actor, UserScope scope, int siteId, int expectedVersion, CancellationToken ct = default) =>
        ExecuteAsync(actor, scope, siteId, expectedVersion, SiteCommand.StartCreation.Label(), null, async (site, db) =>
        {
            var rules = await db.Campaigns.Where(c => c.Id == site.CampaignId).Select(c => c.Application).SingleAsync(ct);
            site.StartCreation(actor, rules, _clock.Now, ChinaTime.Today(_clock).Year);
            return NoFieldChanges;
        }, ct);

    private static readonly IReadOnlyList<FieldChange> NoFieldChanges = Array.Empty<FieldChange>();

    private async Task<int> ExecuteAsync(Actor actor, UserScope scope, int siteId, int expectedVersion, string action, string? reason,
        Func<Site, WuSheDbContext, Task<IReadOnlyList<FieldChange>>> change, CancellationToken ct)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var site = await db.Sites
            .Include(s => s.Communities).Include(s => s.SocialWorkers).Include(s => s.Transitions)
            .AsSplitQuery().SingleOrDefaultAsync(s => s.Id == siteId, ct);
        if (site is null) throw ScopedReads.NotInScope("创建点", siteId);
        if (site.Version != expectedVersion) throw await ConflictAsync(db, site, ct);

        var stateBefore = site.State;
        var changes = await change(site, db);
        var summary = stateBefore == site.State
            ? $"{site.Street}（{site.State.Label()}）"
            : $"{site.Street}：{stateBefore.Label()} → {site.State.Label()}";
        db.AuditEntries.Add(Audit(actor, site, action, reason, changes, summary));
        await db.SaveOrConflictAsync(tx, async () =>
        {
            await using var fresh = await _contexts.ForAsync(scope, ct);
            return await ConflictAsync(fresh, await fresh.Sites.AsNoTracking().SingleAsync(s => s.Id == siteId, ct), ct);
        }, ct);
        return site.Version;
    }

    private async Task<ConcurrencyConflictException> ConflictAsync(WuSheDbContext db, Site current, CancellationToken ct)
    {
        var last = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == EntityType && a.EntityId == current.Id)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        return new ConcurrencyConflictException(current.Version, last?.UserName ?? "其他用户", last?.At);
    }

    public const string EntityType = "创建点";

    private AuditEntry Audit(Actor actor, Site site, string action, string? reason, IReadOnlyList<FieldChange> changes, string? summary = null) =>
        new(actor, _clock.Now, action, EntityType, site.Id, site.DistrictId, summary ?? $"{site.Street}（{site.State.Label()}）", reason,
            JsonSerializer.Serialize(changes, AuditJson.Options));
}

public static class AuditJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };
}
