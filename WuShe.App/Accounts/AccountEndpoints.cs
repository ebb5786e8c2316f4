using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace WuShe.App.Accounts;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // Signing out ends every session of the account (the stamp moves), not only this browser's cookie.
        app.MapPost("/logout", async (HttpContext http, UserManager<UserAccount> users) =>
        {
            if (await users.GetUserAsync(http.User) is { } user) await users.UpdateSecurityStampAsync(user);
            await http.SignOutAsync(UserClaims.Scheme);
            return Results.Redirect("/login");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
    }
}
