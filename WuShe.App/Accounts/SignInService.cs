using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using WuShe.Domain.Common;

namespace WuShe.App.Accounts;

/// <summary>Signed in (<see cref="Principal"/>), refused (<see cref="Error"/>), or the password was right and the second factor is due (<see cref="TwoFactorUserId"/>).</summary>
public sealed record SignInResult(ClaimsPrincipal? Principal, string? Error, int? TwoFactorUserId = null);

/// <summary>
/// Checks a password through Identity (lock-out after repeated failures) without telling an unknown user name from a
/// wrong password: one message, and an unknown name still pays for a hash check. A locked or disabled account is named
/// as such only to someone who knows its password.
/// </summary>
public class SignInService
{
    public const string Wrong = "用户名或密码错误。";
    private static string? _decoyHash;
    private readonly IServiceScopeFactory _scopes;
    private readonly IClock _clock;
    private readonly SecurityAudit _audit;
    private readonly ILogger<SignInService> _log;

    public SignInService(IServiceScopeFactory scopes, IClock clock, SecurityAudit audit, ILogger<SignInService> log)
    {
        _scopes = scopes;
        _clock = clock;
        _audit = audit;
        _log = log;
    }

    /// <param name="from">The client's address, for the audit and the log.</param>
    public async Task<SignInResult> CheckAsync(string userName, string password, CancellationToken ct = default, string from = "")
    {
        await using var scope = _scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<UserAccount>>();
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            var decoy = new UserAccount("decoy", "decoy", new(Domain.Accounts.UserRole.Viewer, null, null));
            _decoyHash ??= users.PasswordHasher.HashPassword(decoy, Guid.NewGuid().ToString());
            users.PasswordHasher.VerifyHashedPassword(decoy, _decoyHash, password);
            _log.LogWarning("登录失败：用户名 {UserName} 不存在（来自 {From}）", userName.Trim(), from);
            return new(null, Wrong);
        }
        if (!user.IsActive)
        {
            await _audit.RecordAsync(user, "登录失败", $"账号已停用（来自 {from}）", ct: ct);
            return new(null, await users.CheckPasswordAsync(user, password) ? "该账号已停用，请联系管理员。" : Wrong);
        }
        if (await users.IsLockedOutAsync(user))
        {
            await _audit.RecordAsync(user, "登录失败", $"账号锁定中（来自 {from}）", ct: ct);
            return new(null, await users.CheckPasswordAsync(user, password) ? LockedMessage(user) : Wrong);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            await _audit.RecordAsync(user, result.IsLockedOut ? "账号锁定" : "登录失败",
                result.IsLockedOut ? $"密码连续错误，锁定至 {ChinaTime.ToChina(user.LockoutEnd!.Value):yyyy-MM-dd HH:mm}（来自 {from}）" : $"密码错误（来自 {from}）", ct: ct);
            return new(null, Wrong);
        }
        if (user.TwoFactorEnabled) return new(null, null, user.Id);
        return await FinishAsync(users, signIn, user, from, ct);
    }

    /// <summary>The second step: a code of the authenticator app or one unused recovery code; failures count towards lock-out.</summary>
    public async Task<SignInResult> CheckSecondFactorAsync(int userId, string code, CancellationToken ct = default, string from = "")
    {
        await using var scope = _scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<UserAccount>>();
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || !user.IsActive || !user.TwoFactorEnabled) return new(null, "登录已失效，请重新输入用户名和密码。");
        if (await users.IsLockedOutAsync(user)) return new(null, LockedMessage(user));
        var typed = WithoutSpaces(code);
        var ok = IsAuthenticatorCode(typed)
            ? await AuthenticatorCodeValidAsync(users, user, typed)
            : typed.Length is > 0 and <= 32 && (await users.RedeemTwoFactorRecoveryCodeAsync(user, typed)).Succeeded;
        if (!ok)
        {
            await users.AccessFailedAsync(user);
            var locked = await users.IsLockedOutAsync(user);
            await _audit.RecordAsync(user, locked ? "账号锁定" : "二步验证失败", $"验证码错误（来自 {from}）", ct: ct);
            return new(null, locked ? LockedMessage(user) : "验证码错误，请输入验证器应用中当前的 6 位数字，或一个恢复码。");
        }
        if (!IsAuthenticatorCode(typed)) await _audit.RecordAsync(user, "使用恢复码", $"剩余 {await users.CountRecoveryCodesAsync(user)} 个（来自 {from}）", ct: ct);
        await users.ResetAccessFailedCountAsync(user);
        return await FinishAsync(users, signIn, user, from, ct);
    }

    /// <summary>A code of the account's authenticator app as typed (spaces dropped): six digits that the app shows now.</summary>
    public static async Task<bool> AuthenticatorCodeValidAsync(UserManager<UserAccount> users, UserAccount user, string code)
    {
        var typed = WithoutSpaces(code);
        return IsAuthenticatorCode(typed) && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, typed);
    }

    private static bool IsAuthenticatorCode(string typed) => typed.Length == 6 && typed.All(char.IsAsciiDigit);
    private static string WithoutSpaces(string code) => new(code.Where(c => !char.IsWhiteSpace(c)).ToArray());

    private async Task<SignInResult> FinishAsync(UserManager<UserAccount> users, SignInManager<UserAccount> signIn, UserAccount user, string from,
        CancellationToken ct)
    {
        user.RecordSignIn(_clock.Now);
        await users.UpdateAsync(user);
        await _audit.RecordAsync(user, "登录成功", $"来自 {from}{(user.TwoFactorEnabled ? "，已通过二步验证" : "")}", ct: ct);
        return new(await signIn.CreateUserPrincipalAsync(user), null);
    }

    private static string LockedMessage(UserAccount user) =>
        $"密码连续错误次数过多，账号已锁定，请于 {ChinaTime.ToChina(user.LockoutEnd!.Value):HH:mm} 后再试。";
}
