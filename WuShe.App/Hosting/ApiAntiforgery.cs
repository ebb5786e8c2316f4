using Microsoft.AspNetCore.Antiforgery;

namespace WuShe.App.Hosting;

/// <summary>
/// Every state-changing API call made with the sign-in cookie must carry the antiforgery token in the
/// <c>RequestVerificationToken</c> header, which only the app's own origin can read (<c>GET /api/antiforgery</c>): a page on
/// another origin (another port of the same host included) cannot make a signed-in browser change data. The app's own
/// pages never call these endpoints; their commands travel over the Blazor circuit.
/// </summary>
public static class ApiAntiforgery
{
    public const string Header = "RequestVerificationToken";

    public static void MapApiAntiforgery(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
                Results.Ok(new { header = Header, token = antiforgery.GetAndStoreTokens(http).RequestToken }))
            .RequireAuthorization();

    public static void UseApiAntiforgery(this WebApplication app) => app.Use(async (http, next) =>
    {
        if (ApiResults.IsApiStateChange(http.Request) && http.User.Identity?.IsAuthenticated == true
            && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            await ApiResults.Error(StatusCodes.Status400BadRequest, $"请求缺少有效的防伪令牌：请先 GET /api/antiforgery，并在请求头 {Header} 中带上它。").ExecuteAsync(http);
            return;
        }
        await next();
    });
}
