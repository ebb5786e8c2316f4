using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.App.Sites;
using WuShe.Domain.Accounts;
using WuShe.Domain.Auditing;
using WuShe.Domain.Common;
using WuShe.Domain.Progress;

namespace WuShe.App.Progress;

/// <summary>Progress-report commands: open a period, save (all rows at once), submit, return — scoped, audited, versioned.</summary>
public class ProgressApplications
{
    public const string EntityType = "进展报告";
    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private readonly IClock _clock;

    public ProgressApplications(IDbContextFactory<WuSheDbContext> contexts, IClock clock)
    {
        _contexts = contexts;
        _clock = clock;
    }

    /// <summary>The report of a period, opened on first use (so opening twice gives the same report).</summary>
    public async Task<int> OpenAsync(Actor actor, UserScope scope, int siteId, int year, int month, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var site = await db.Sites.Include(s => s.Communities).Include(s => s.Transitions).SingleOrDefaultAsync(s => s.Id == siteId, ct)
            ?? throw ScopedReads.NotInScope("创建点", siteId);
        var existing = await db.ProgressReports.Where(r => r.SiteId == siteId && r.PeriodYear == year && r.PeriodMonth == month)
            .Select(r => (int?)r.Id).SingleOrDefaultAsync(ct);
        if (existing is { } id) return id;
        var campaign = await db.Campaigns.Where(c => c.Id == site.CampaignId).Select(c => new { c.ReportingPeriodMonths, c.ReportingStartsOn }).SingleAsync(ct);
        var report = ProgressReport.Open(site, year, month, campaign.ReportingPeriodMonths, actor, _clock.Now, campaign.ReportingStartsOn);
        report.Update(actor, Prefill(site, await LatestAsync(db, siteId, ct)), site.Communities.Select(c => c.Id).ToList(), campaign.ReportingStartsOn);
        db.ProgressReports.Add(report);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(Audit(actor, report, site.Street, "新建进展报告", null, "[]"));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return report.Id;
    }

    public Task<int> SaveAsync(Actor actor, UserScope scope, int reportId, int expectedVersion, ReportContent content, CancellationToken ct = default) =>
        ExecuteAsync(actor, scope, reportId, expectedVersion, "保存进展报告", null, (r, ids, start) => r.Update(actor, content, ids, start), ct);

    public Task<int> SubmitAsync(Actor actor, UserScope scope, int reportId, int expectedVersion, CancellationToken ct = default) =>
        ExecuteAsync(actor, scope, reportId, expectedVersion, "提交进展报告", null, (r, ids, start) => r.Submit(actor, _clock.Now, ids, start), ct);

    public Task<int> ReturnAsync(Actor actor, UserScope scope, int reportId, int expectedVersion, string reason, CancellationToken ct = default) =>
        ExecuteAsync(actor, scope, reportId, expectedVersion, "退回进展报告", reason, (r, _, _) => r.Return(actor, reason), ct);

    /// <summary>Reports the user may see: those of sites in scope.</summary>

    private async Task<int> ExecuteAsync(Actor actor, UserScope scope, int reportId, int expectedVersion, string action, string? reason,
        Action<ProgressReport, IReadOnlyCollection<int>, DateOnly?> change, CancellationToken ct)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var report = await db.ProgressReports.SingleOrDefaultAsync(r => r.Id == reportId, ct)
            ?? throw ScopedReads.NotInScope("进展报告", reportId);
        if (report.Version != expectedVersion) throw new ConcurrencyConflictException(report.Version, "其他用户", null);
        var site = await db.Sites.Include(s => s.Communities).SingleAsync(s => s.Id == report.SiteId, ct);
        var before = report.Content;
        var start = await db.Campaigns.Where(c => c.Id == report.CampaignId).Select(c => c.ReportingStartsOn).SingleAsync(ct);
        change(report, site.Communities.Select(c => c.Id).ToList(), start);
        db.AuditEntries.Add(Audit(actor, report, site.Street, action, reason,
            JsonSerializer.Serialize(ReportDiff.Between(before, report.Content, site), AuditJson.Options)));
        await db.SaveOrConflictAsync(tx, () => Task.FromResult<Exception>(new ConcurrencyConflictException(expectedVersion + 1, "其他用户", null)), ct);
        return report.Version;
    }

    internal static async Task<ProgressReport?> LatestAsync(WuSheDbContext db, int siteId, CancellationToken ct) =>
        await db.ProgressReports.Where(r => r.SiteId == siteId)
            .OrderByDescending(r => r.PeriodYear).ThenByDescending(r => r.PeriodMonth).FirstOrDefaultAsync(ct);

    /// <summary>A new period starts from the last report's standing figures (people, fund, per-community numbers), not its entries.</summary>
    internal static ReportContent Prefill(Domain.Sites.Site site, ProgressReport? last)
    {
        var figures = site.Communities.OrderBy(c => c.SortOrder).Select(c =>
            last?.Communities.FirstOrDefault(f => f.CommunityId == c.Id)
            ?? new CommunityFigures(c.Id, null, null, null, c.ResidentPopulation, null, null)).ToList();
        return last is null
            ? ReportContent.Empty with { Communities = figures, FullTimeSocialWorkers = site.SocialWorkers.Count > 0 ? site.SocialWorkers.Count : null,
                FundCharity = site.FundCharity, FundCharityHasPublicFundraisingStatus = site.FundCharityHasPublicFundraisingStatus }
            : ReportContent.Empty with
            {
                FullTimeSocialWorkers = last.FullTimeSocialWorkers, FundEstablished = last.FundEstablished, FundCharity = last.FundCharity,
                FundCharityHasPublicFundraisingStatus = last.FundCharityHasPublicFundraisingStatus, FundSetUpOn = last.FundSetUpOn,
                Communities = figures, Station = last.Station,
            };
    }

    private AuditEntry Audit(Actor actor, ProgressReport r, string street, string action, string? reason, string changes) =>
        new(actor, _clock.Now, action, EntityType, r.Id, r.DistrictId, $"{street} {r.PeriodLabel}（{r.State.Label()}）", reason, changes);
}
