using Microsoft.EntityFrameworkCore;
using WuShe.App.Data;

namespace WuShe.App.Accounts;

/// <summary>How a new installation gets its first account: the sign-in page and the start-up log say so while there is none.</summary>
public class FirstAdministrator
{
    public const string Command = "echo '初始密码' | ./WuShe.App users add admin --role city-admin --password-stdin";
    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private volatile bool _seenAccount;

    public FirstAdministrator(IDbContextFactory<WuSheDbContext> contexts) => _contexts = contexts;

    public async Task<bool> AnyAccountAsync(CancellationToken ct = default)
    {
        if (_seenAccount) return true;
        await using var db = await _contexts.ForSystemAsync(ct);
        return _seenAccount = await db.UserAccounts.AnyAsync(ct);
    }
}
