using WuShe.App.Accounts;
using WuShe.App.Hosting;
using WuShe.App.Pdf;

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
        reports.MapGet("/batches/{id:int}.zip", async (int id, HttpContext http, ReportBatches b, CancellationToken ct) =>
        {
            try
            {
                var (path, name) = await b.OpenAsync(http.User.Scope(), id, ct);
                return Results.File(path, "application/zip", name);
            }
            catch (AccessDeniedException e) { return Results.Text(e.Message, statusCode: StatusCodes.Status403Forbidden); }
            catch (NotFoundException e) { return Results.Text(e.Message, statusCode: StatusCodes.Status404NotFound); }
        });
        app.MapPost("/api/reports/batches", (string? district, HttpContext http, ReportBatches b, CancellationToken ct) =>
            ApiResults.Run(() => b.StartAsync(http.User.Actor(), http.User.Scope(), district, ct))).RequireAuthorization();
        app.MapGet("/api/reports/batches", (HttpContext http, ReportBatches b, CancellationToken ct) =>
            ApiResults.Run(() => b.ListAsync(http.User.Scope(), ct))).RequireAuthorization();
    }

    private static async Task<IResult> Pdf(Func<Task<(byte[] Pdf, string FileName)>> render)
    {
        try
        {
            var (pdf, name) = await render();
            return Results.File(pdf, "application/pdf", name);
        }
        catch (AccessDeniedException e) { return Results.Text(e.Message, statusCode: StatusCodes.Status403Forbidden); }
        catch (NotFoundException e) { return Results.Text(e.Message, statusCode: StatusCodes.Status404NotFound); }
        catch (PdfUnavailableException e) { return Results.Text(e.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable); }
    }
}
