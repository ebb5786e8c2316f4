using WuShe.App.Accounts;
using WuShe.App.Hosting;
using WuShe.Domain.Common;
using WuShe.Domain.Progress;

namespace WuShe.App.Progress;

public sealed record VersionedContent(int Version, ReportContent Content);
public sealed record ReportCommand(int Version, string? Reason);

public static class ProgressApi
{
    public static void MapProgressApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().AddEndpointFilter<RequestShape>();
        api.MapPost("/sites/{siteId:int}/reports/{year:int}/{month:int}", (int siteId, int year, int month, HttpContext http, ProgressApplications p, CancellationToken ct) =>
            ApiResults.Run(() => p.OpenAsync(http.User.Actor(), http.User.Scope(), siteId, year, month, ct)));
        api.MapGet("/reports/{id:int}", (int id, HttpContext http, ProgressQueries q, CancellationToken ct) =>
            ApiResults.Run(() => q.ReportAsync(http.User.Scope(), id, ct)));
        api.MapPut("/reports/{id:int}", (int id, VersionedContent v, HttpContext http, ProgressApplications p, CancellationToken ct) =>
            ApiResults.Run(() => p.SaveAsync(http.User.Actor(), http.User.Scope(), id, v.Version, v.Content, ct)));
        api.MapPost("/reports/{id:int}/submit", (int id, ReportCommand c, HttpContext http, ProgressApplications p, CancellationToken ct) =>
            ApiResults.Run(() => p.SubmitAsync(http.User.Actor(), http.User.Scope(), id, c.Version, ct)));
        api.MapPost("/reports/{id:int}/return", (int id, ReportCommand c, HttpContext http, ProgressApplications p, CancellationToken ct) =>
            ApiResults.Run(() => p.ReturnAsync(http.User.Actor(), http.User.Scope(), id, c.Version, c.Reason ?? "", ct)));
        api.MapGet("/sites/{siteId:int}/compliance", (int siteId, DateOnly? asOf, HttpContext http, ComplianceQueries q, CancellationToken ct) =>
            ApiResults.Run(() => q.SiteAsync(http.User.Scope(), siteId, asOf, ct)));
        api.MapPost("/reports/{id:int}/evidence", async (int id, Guid? entry, IFormFile file, HttpContext http, EvidenceStore store, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            return await ApiResults.Run(() => store.UploadAsync(http.User.Actor(), http.User.Scope(), id, entry, file.FileName, file.Length, stream, ct));
        }).DisableAntiforgery();

        // Downloads are plain links from the pages, so they live outside /api and answer with a file or a status.
        app.MapGet("/evidence/{id:int}", (int id, HttpContext http, EvidenceStore store, CancellationToken ct) => ApiResults.File(async () =>
        {
            var (path, type, name) = await store.OpenAsync(http.User.Scope(), id, ct);
            return Results.File(path, type, name);
        })).RequireAuthorization();
    }
}
