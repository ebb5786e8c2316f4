using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using WuShe.App.Hosting;
using WuShe.Domain.Progress;
using WuShe.Domain.Sites;

namespace WuShe.App.Data;

/// <summary>The two refusals of a scoped read — a record that does not exist (404) or one outside the user's scope (403) — and the save that reports a concurrent change.</summary>
public static class ScopedReads
{
    /// <summary>Called when the scoped query found nothing: tells "missing" from "not yours".</summary>
    public static async Task<Exception> SiteRefusalAsync(this WuSheDbContext db, int siteId, string denied, CancellationToken ct) =>
        await db.Sites.AnyAsync(s => s.Id == siteId, ct) ? new AccessDeniedException(denied) : new NotFoundException($"没有编号为 {siteId} 的创建点。");

    public static async Task<Exception> ReportRefusalAsync(this WuSheDbContext db, int reportId, string denied, CancellationToken ct) =>
        await db.ProgressReports.AnyAsync(r => r.Id == reportId, ct) ? new AccessDeniedException(denied) : new NotFoundException($"没有编号为 {reportId} 的进展报告。");

    /// <summary>Saves and commits; a row changed by someone else since it was read becomes <see cref="ConcurrencyConflictException"/>.</summary>
    public static async Task SaveOrConflictAsync(this WuSheDbContext db, IDbContextTransaction tx, Func<Task<Exception>> conflict, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw await conflict();
        }
    }
}
