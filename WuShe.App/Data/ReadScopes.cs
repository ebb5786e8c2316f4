using Microsoft.EntityFrameworkCore;
using WuShe.Domain.Accounts;

namespace WuShe.App.Data;

/// <summary>How a short-lived context is made: for a user (their scope filters every query) or for the system's own work.</summary>
public static class ReadScopes
{
    public static async Task<WuSheDbContext> ForAsync(this IDbContextFactory<WuSheDbContext> contexts, UserScope scope, CancellationToken ct = default) =>
        (await contexts.CreateDbContextAsync(ct)).ReadAs(scope);

    /// <summary>Everything: scheduled scans, report batches, seeding, sign-in, account administration, benchmarks.</summary>
    public static Task<WuSheDbContext> ForSystemAsync(this IDbContextFactory<WuSheDbContext> contexts, CancellationToken ct = default) =>
        contexts.ForAsync(UserScope.System, ct);
}
