using Microsoft.EntityFrameworkCore;
using WuShe.App.Data;
using WuShe.Domain.Accounts;
using WuShe.Domain.Auditing;
using WuShe.Domain.Common;

namespace WuShe.App.Accounts;

/// <summary>
/// 安全事件 in the audit log (等保 2.0 安全审计): sign-in success and failure, lock-out, sign-out, password change and reset,
/// accounts created and disabled. Entries are never deleted (kept well beyond the 180 days the law asks). A failed
/// sign-in with an unknown user name has no account to record against; it goes to the application log with its address.
/// </summary>
public class SecurityAudit
{
    public const string EntityType = "账号";
    /// <summary>The operator at the server's command line, who has no account of their own.</summary>
    public static readonly Actor Operator = new(0, "服务器命令行", UserRole.CityAdministrator, null);

    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private readonly IClock _clock;

    public SecurityAudit(IDbContextFactory<WuSheDbContext> contexts, IClock clock)
    {
        _contexts = contexts;
        _clock = clock;
    }

    /// <param name="by">Who did it; the account itself when null (its own sign-in, sign-out, password change).</param>
    public async Task RecordAsync(UserAccount account, string action, string summary, Actor? by = null, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForSystemAsync(ct);
        db.AuditEntries.Add(new AuditEntry(by ?? account.Actor, _clock.Now, action, EntityType, account.Id, account.DistrictId,
            $"{account.UserName}（{account.DisplayName}）：{summary}", null, "[]"));
        await db.SaveChangesAsync(ct);
    }
}
