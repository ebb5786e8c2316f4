using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using WuShe.Domain.Common;

namespace WuShe.App.Accounts;

public sealed record SignInResult(ClaimsPrincipal? Principal, string? Error);

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

    public SignInService(IServiceScopeFactory scopes, IClock clock)
    {
        _scopes = scopes;
        _clock = clock;
    }

    public async Task<SignInResult> CheckAsync(string userName, string password, CancellationToken ct = default)
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
            return new(null, Wrong);
        }
        if (!user.IsActive)
            return new(null, await users.CheckPasswordAsync(user, password) ? "该账号已停用，请联系管理员。" : Wrong);
        if (await users.IsLockedOutAsync(user))
            return new(null, await users.CheckPasswordAsync(user, password) ? LockedMessage(user) : Wrong);

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!result.Succeeded) return new(null, Wrong);
        user.RecordSignIn(_clock.Now);
        await users.UpdateAsync(user);
        return new(await signIn.CreateUserPrincipalAsync(user), null);
    }

    private static string LockedMessage(UserAccount user) =>
        $"密码连续错误次数过多，账号已锁定，请于 {ChinaTime.ToChina(user.LockoutEnd!.Value):HH:mm} 后再试。";
}
