using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace WuShe.App.Accounts;

/// <summary>Identity's principal (id, user name, security stamp) with the account's role and binding (<see cref="UserClaims.For"/>).</summary>
public class UserClaimsFactory : UserClaimsPrincipalFactory<UserAccount>
{
    public UserClaimsFactory(UserManager<UserAccount> users, IOptions<IdentityOptions> options) : base(users, options) { }

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(UserAccount user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaims(UserClaims.For(user));
        return identity;
    }
}
