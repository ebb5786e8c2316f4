using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WuShe.App.Data;
using WuShe.Domain.Accounts;
using WuShe.Domain.Common;

namespace WuShe.App.Accounts;

public sealed record SignInResult(ClaimsPrincipal? Principal, string? Error);

/// <summary>Checks a password with <see cref="PasswordHasher{T}"/>, counting failures toward the lock-out.</summary>
public class SignInService
{
    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private readonly IPasswordHasher<UserAccount> _hasher;
    private readonly IClock _clock;

    public SignInService(IDbContextFactory<WuSheDbContext> contexts, IPasswordHasher<UserAccount> hasher, IClock clock)
    {
        _contexts = contexts;
        _hasher = hasher;
        _clock = clock;
    }

    public async Task<SignInResult> CheckAsync(string userName, string password, CancellationToken ct = default)
    {
        const string wrong = "用户名或密码错误。";
        await using var db = await _contexts.CreateDbContextAsync(ct);
        var name = userName.Trim().ToLowerInvariant();
        var user = await db.UserAccounts.SingleOrDefaultAsync(u => u.UserName == name, ct);
        if (user is null) return new(null, wrong);
        var now = _clock.Now;
        if (user.IsLockedOut(now)) return new(null, LockedMessage(user));
        if (!user.IsActive) return new(null, "该账号已停用，请联系市民政局管理员。");

        var verdict = _hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            user.RecordFailedSignIn(now);
            await db.SaveChangesAsync(ct);
            if (user.IsLockedOut(now)) return new(null, LockedMessage(user));
            var left = UserAccount.MaxFailedSignIns - user.FailedSignIns;
            return new(null, $"{wrong}再错 {left} 次账号将锁定 {UserAccount.LockoutDuration.TotalMinutes:0} 分钟。");
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            user.SetPasswordHash(_hasher.HashPassword(user, password));
        user.RecordSignIn(now);
        await db.SaveChangesAsync(ct);
        return new(UserClaims.ToPrincipal(user), null);
    }

    private static string LockedMessage(UserAccount user) =>
        $"密码连续错误 {UserAccount.MaxFailedSignIns} 次，账号已锁定，请于 {ChinaTime.ToChina(user.LockedOutUntil!.Value):HH:mm} 后再试。";
}
