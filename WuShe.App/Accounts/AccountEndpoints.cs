using Microsoft.AspNetCore.Authentication;

namespace WuShe.App.Accounts;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(UserClaims.Scheme);
            return Results.Redirect("/login");
        });
    }
}
