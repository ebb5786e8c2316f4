using WuShe.App.Accounts;
using WuShe.App.Hosting;
using WuShe.Domain.Sites;

namespace WuShe.App.Sites;

public sealed record VersionedDetails(int Version, ApplicationDetails Details);
public sealed record VersionedCommand(int Version, string? Reason);

public static class SiteApi
{
    public static void MapSiteApi(this IEndpointRouteBuilder app)
    {
        var sites = app.MapGroup("/api/sites").RequireAuthorization().AddEndpointFilter<RequestShape>();
        sites.MapGet("", (HttpContext http, SiteQueries q, CancellationToken ct) => ApiResults.Run(() => q.ListAsync(http.User.Scope(), ct)));
        sites.MapGet("/{id:int}", (int id, HttpContext http, SiteQueries q, CancellationToken ct) =>
            ApiResults.Run(() => q.GetAsync(http.User.Scope(), id, ct)));
        sites.MapPost("/{id:int}/submit", (int id, VersionedCommand c, HttpContext http, SiteApplications s, CancellationToken ct) =>
            ApiResults.Run(() => s.SubmitAsync(http.User.Actor(), http.User.Scope(), id, c.Version, ct)));
        sites.MapPost("/{id:int}/return", (int id, VersionedCommand c, HttpContext http, SiteApplications s, CancellationToken ct) =>
            ApiResults.Run(() => s.ReturnAsync(http.User.Actor(), http.User.Scope(), id, c.Version, c.Reason ?? "", ct)));
        sites.MapPost("/{id:int}/approve", (int id, VersionedCommand c, HttpContext http, SiteApplications s, CancellationToken ct) =>
            ApiResults.Run(() => s.ApproveAsync(http.User.Actor(), http.User.Scope(), id, c.Version, ct)));
        sites.MapPost("/{id:int}/start", (int id, VersionedCommand c, HttpContext http, SiteApplications s, CancellationToken ct) =>
            ApiResults.Run(() => s.StartCreationAsync(http.User.Actor(), http.User.Scope(), id, c.Version, ct)));

        var applications = app.MapGroup("/api/applications").RequireAuthorization().AddEndpointFilter<RequestShape>();
        applications.MapGet("", (HttpContext http, SiteQueries q, CancellationToken ct) =>
            ApiResults.Run(() => q.ListApplicationsAsync(http.User.Scope(), ct)));
        applications.MapPost("", (ApplicationDetails d, HttpContext http, SiteApplications s, CancellationToken ct) =>
            ApiResults.Run(() => s.CreateDraftAsync(http.User.Actor(), http.User.Scope(), d, ct)));
        applications.MapPut("/{id:int}", (int id, VersionedDetails v, HttpContext http, SiteApplications s, CancellationToken ct) =>
            ApiResults.Run(() => s.SaveDraftAsync(http.User.Actor(), http.User.Scope(), id, v.Version, v.Details, ct)));
    }
}
