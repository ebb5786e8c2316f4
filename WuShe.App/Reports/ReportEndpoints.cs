using WuShe.App.Accounts;
using WuShe.App.Hosting;

namespace WuShe.App.Reports;

public static class ReportEndpoints
{
    public static void MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/reports").RequireAuthorization();
        reports.MapGet("/sites/{id:int}/acceptance.pdf", (int id, HttpContext http, ReportService r, CancellationToken ct) =>
            Pdf(() => r.AcceptancePdfAsync(http.User.Scope(), id, ct)));
        reports.MapGet("/districts/{code}/summary.pdf", (string code, HttpContext http, ReportService r, CancellationToken ct) =>
            Pdf(() => r.SummaryPdfAsync(http.User.Scope(), code, ct)));
        reports.MapGet("/city/summary.pdf", (HttpContext http, ReportService r, CancellationToken ct) =>
            Pdf(() => r.SummaryPdfAsync(http.User.Scope(), null, ct))).RequireAuthorization(Policies.CityWide);
        reports.MapGet("/commendations/{id:int}.pdf", (int id, Commendations c, CancellationToken ct) => Pdf(() => c.PdfAsync(id, ct)));
        reports.MapGet("/batches/{id:int}.zip", (int id, HttpContext http, ReportBatches b, CancellationToken ct) => ApiResults.File(async () =>
        {
            var (path, name) = await b.OpenAsync(http.User.Scope(), id, ct);
            return Results.File(path, "application/zip", name);
        }));
        app.MapPost("/api/reports/batches", (string? district, HttpContext http, ReportBatches b, CancellationToken ct) =>
            ApiResults.Run(() => b.StartAsync(http.User.Actor(), http.User.Scope(), district, ct))).RequireAuthorization();
        app.MapGet("/api/reports/batches", (HttpContext http, ReportBatches b, CancellationToken ct) =>
            ApiResults.Run(() => b.ListAsync(http.User.Scope(), ct))).RequireAuthorization();
    }

    private static Task<IResult> Pdf(Func<Task<(byte[] Pdf, string FileName)>> render) =>
        ApiResults.File(async () => { var (pdf, name) = await render(); return Results.File(pdf, "application/pdf", name); });
}
