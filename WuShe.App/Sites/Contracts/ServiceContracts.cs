using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WuShe.App.Campaigns;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.Domain.Accounts;
using WuShe.Domain.Auditing;
using WuShe.Domain.Common;
using WuShe.Domain.Contracts;

namespace WuShe.App.Sites.Contracts;

public sealed record ContractView(int Id, int Term, string Provider, DateOnly StartsOn, DateOnly EndsOn, DateOnly SignedOn,
    DateOnly? ReviewedOn, bool? Passed, string ReviewNote, int Version)
{
    public string ReviewText => Passed switch { true => "合格", false => "不合格", _ => "未考评" };
}

/// <summary>A site's contracts under its campaign's rules (null: the campaign does not track contracts), and whether the reader signs them.</summary>
public sealed record SiteContracts(ContractRules? Rules, IReadOnlyList<ContractView> Contracts, bool CanManage);

/// <summary>
/// 服务合同 of a site (an optional campaign feature): the district signs the first, reviews each year, renews after a
/// passing review within the whole service period; every command reads the site in the user's scope and is audited.
/// </summary>
public class ServiceContracts
{
    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private readonly CampaignQueries _campaigns;
    private readonly IClock _clock;

    public ServiceContracts(IDbContextFactory<WuSheDbContext> contexts, CampaignQueries campaigns, IClock clock)
    {
        _contexts = contexts;
        _campaigns = campaigns;
        _clock = clock;
    }

    public async Task<SiteContracts> ForSiteAsync(UserScope scope, int siteId, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        var site = await db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Id == siteId, ct) ?? throw ScopedReads.NotInScope("创建点", siteId);
        var rules = (await _campaigns.LoadCampaignAsync(db, ct)).ContractRules;
        var contracts = await db.ServiceContracts.AsNoTracking().Where(c => c.SiteId == siteId).OrderBy(c => c.Term)
            .Select(c => new ContractView(c.Id, c.Term, c.Provider, c.StartsOn, c.EndsOn, c.SignedOn, c.ReviewedOn, c.Passed, c.ReviewNote, c.Version))
            .ToListAsync(ct);
        return new SiteContracts(rules, contracts, scope.Role == UserRole.DistrictOfficer && scope.DistrictId == site.DistrictId);
    }

    public Task<int> SignFirstAsync(Actor actor, UserScope scope, int siteId, string provider, DateOnly startsOn, DateOnly endsOn, DateOnly signedOn,
        CancellationToken ct = default) => RunAsync(scope, siteId, null, (db, rules, existing) =>
        {
            var contract = ServiceContract.SignFirst(actor, siteId, existing.Site.DistrictId, provider, startsOn, endsOn, signedOn, rules, existing.Contracts);
            db.ServiceContracts.Add(contract);
            return (contract, "签订服务合同", $"第 1 期：{contract.Provider}，{startsOn:yyyy-MM-dd} 至 {endsOn:yyyy-MM-dd}", null);
        }, actor, ct);

    public Task<int> ReviewAsync(Actor actor, UserScope scope, int contractId, int expectedVersion, DateOnly on, bool passed, string note,
        CancellationToken ct = default) => RunAsync(scope, null, (contractId, expectedVersion), (db, rules, existing) =>
        {
            var contract = existing.Contracts.Single(c => c.Id == contractId);
            contract.Review(actor, on, passed, note);
            return (contract, "服务合同考评", $"第 {contract.Term} 期考评{(passed ? "合格" : "不合格")}（{on:yyyy-MM-dd}）", note);
        }, actor, ct);

    public Task<int> RenewAsync(Actor actor, UserScope scope, int contractId, int expectedVersion, string provider, DateOnly endsOn, DateOnly signedOn,
        CancellationToken ct = default) => RunAsync(scope, null, (contractId, expectedVersion), (db, rules, existing) =>
        {
            var latest = existing.Contracts.MaxBy(c => c.Term)!;
            if (latest.Id != contractId) throw new DomainException($"只能续签最近一期（第 {latest.Term} 期）合同。");
            var next = latest.Renew(actor, provider, endsOn, signedOn, rules, existing.Contracts.Min(c => c.StartsOn));
            db.ServiceContracts.Add(next);
            return (next, "续签服务合同", $"第 {next.Term} 期：{next.Provider}，{next.StartsOn:yyyy-MM-dd} 至 {endsOn:yyyy-MM-dd}", null);
        }, actor, ct);

    private sealed record Existing(Domain.Sites.Site Site, List<ServiceContract> Contracts);

    /// <summary>Load in scope → check version → domain → audit → save-or-conflict, for every contract command.</summary>
    private async Task<int> RunAsync(UserScope scope, int? siteId, (int Id, int Version)? contract,
        Func<WuSheDbContext, ContractRules, Existing, (ServiceContract Contract, string Action, string Summary, string? Reason)> command,
        Actor actor, CancellationToken ct)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var rules = (await _campaigns.LoadCampaignAsync(db, ct)).ContractRules ?? throw new DomainException("本活动没有设定服务合同规则。");
        var id = siteId ?? await db.ServiceContracts.Where(c => c.Id == contract!.Value.Id).Select(c => (int?)c.SiteId).SingleOrDefaultAsync(ct)
            ?? throw ScopedReads.NotInScope("服务合同", contract!.Value.Id);
        var site = await db.Sites.SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw ScopedReads.NotInScope("创建点", id);
        var existing = new Existing(site, await db.ServiceContracts.Where(c => c.SiteId == id).OrderBy(c => c.Term).ToListAsync(ct));
        if (contract is { } c && existing.Contracts.Single(x => x.Id == c.Id).Version != c.Version)
            throw new ConcurrencyConflictException(existing.Contracts.Single(x => x.Id == c.Id).Version, "其他用户", null);
        var (changed, action, summary, reason) = command(db, rules, existing);
        db.AuditEntries.Add(new AuditEntry(actor, _clock.Now, action, "服务合同", site.Id, site.DistrictId, $"{site.Street}：{summary}", reason, "[]"));
        await db.SaveOrConflictAsync(tx, () => Task.FromResult<Exception>(new ConcurrencyConflictException((contract?.Version ?? 0) + 1, "其他用户", null)), ct);
        return changed.Version;
    }
}
