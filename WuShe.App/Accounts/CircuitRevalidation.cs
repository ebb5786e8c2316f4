using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using WuShe.App.Hosting;

namespace WuShe.App.Accounts;

/// <summary>
/// An open page re-checks its account every <see cref="SessionOptions.CircuitRevalidationInterval"/>: once the security
/// stamp has moved (sign-out, password change or reset, disabled, re-bound) the page loses its user and goes to sign-in.
/// </summary>
public class CircuitRevalidation : RevalidatingServerAuthenticationStateProvider
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IdentityOptions _identity;

    public CircuitRevalidation(ILoggerFactory logs, IServiceScopeFactory scopes, IOptions<IdentityOptions> identity, IOptions<WuSheOptions> options)
        : base(logs)
    {
        _scopes = scopes;
        _identity = identity.Value;
        RevalidationInterval = options.Value.Sessions.CircuitRevalidationInterval;
    }

    protected override TimeSpan RevalidationInterval { get; }

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var user = await users.GetUserAsync(state.User);
        if (user is null || !user.IsActive) return false;
        return state.User.FindFirstValue(_identity.ClaimsIdentity.SecurityStampClaimType) == await users.GetSecurityStampAsync(user);
    }
}
