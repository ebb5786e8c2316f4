using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WuShe.App.Data;

/// <summary>Bumps <see cref="DataVersion"/> for a transaction's saves when it commits — not before, or a dashboard recomputed in
/// between would be cached under the new version with the old data, and a badge would recount to the old number.</summary>
public sealed class DataVersionOnCommit : DbTransactionInterceptor
{
    public static readonly DataVersionOnCommit Instance = new();

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData, true);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        Ended(eventData, true);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData, false);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        Ended(eventData, false);
        return Task.CompletedTask;
    }

    private static void Ended(TransactionEndEventData e, bool committed) => (e.Context as WuSheDbContext)?.TransactionEnded(committed);
}
