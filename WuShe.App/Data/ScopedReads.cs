using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using WuShe.App.Hosting;

namespace WuShe.App.Data;

/// <summary>The refusal of a scoped read, and the save that reports a concurrent change.</summary>
public static class ScopedReads
{
    /// <summary>
    /// A record the user asked for by its key that the scoped query did not find: missing and outside the scope answer alike
    /// (404, the same words), so neither the record's existence nor anything about it is told.
    /// </summary>
    public static NotFoundException NotInScope(string what, object key) => new($"没有找到{what}（{key}），或它不在您的权限范围内。");

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
