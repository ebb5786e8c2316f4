using WuShe.App.Accounts;
using WuShe.App.Hosting;

namespace WuShe.App.Sites;

public static class SiteApi
{
    public static void MapSiteApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/sites").RequireAuthorization();
        api.MapGet("", (HttpContext http, SiteQueries q, CancellationToken ct) => ApiResults.Run(() => q.ListAsync(http.User.Scope(), ct)));
        api.MapGet("/{id:int}", (int id, HttpContext http, SiteQueries q, CancellationToken ct) =>
            ApiResults.Run(() => q.GetAsync(http.User.Scope(), id, ct)));
    }
}
