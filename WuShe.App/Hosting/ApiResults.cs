using WuShe.Domain.Common;

namespace WuShe.App.Hosting;

/// <summary>
/// Maps the application's refusals to HTTP: 404 missing, 403 outside scope, 400 a rule or a field (with every field
/// error), 409 a concurrent change.
/// </summary>
public static class ApiResults
{
    public static async Task<IResult> Run<T>(Func<Task<T>> action)
    {
        try
        {
            return Results.Ok(await action());
        }
        catch (NotFoundException e)
        {
            return Error(StatusCodes.Status404NotFound, e.Message);
        }
        catch (AccessDeniedException e)
        {
            return Error(StatusCodes.Status403Forbidden, e.Message);
        }
        catch (ConcurrencyConflictException e)
        {
            return Results.Json(new { error = e.Message, currentVersion = e.CurrentVersion }, statusCode: StatusCodes.Status409Conflict);
        }
        catch (FieldValidationException e)
        {
            return Results.Json(new { error = e.Message, fields = e.Errors }, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (DomainException e)
        {
            return Error(StatusCodes.Status400BadRequest, e.Message);
        }
        catch (Exception e) when (StorageFaults.Describe(e) is { } fault)
        {
            return Error(StatusCodes.Status503ServiceUnavailable, fault);
        }
    }

    /// <summary>For downloads (files, PDFs): the refusals as plain Chinese text with their status instead of the file.</summary>
    public static async Task<IResult> File(Func<Task<IResult>> produce)
    {
        try
        {
            return await produce();
        }
        catch (AccessDeniedException e)
        {
            return Results.Text(e.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        }
        catch (NotFoundException e)
        {
            return Results.Text(e.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }
        catch (Pdf.PdfUnavailableException e)
        {
            return Results.Text(e.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (DomainException e)
        {
            return Results.Text(e.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>The refusal body every API answer uses: <c>{ "error": "…" }</c> with its status.</summary>
    public static IResult Error(int status, string message) => Results.Json(new { error = message }, statusCode: status);

    /// <summary>Data rather than a page: the API, downloads (PDF, Excel, ZIP, evidence).</summary>
    public static bool IsDataPath(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/reports") || path.StartsWithSegments("/export")
        || path.StartsWithSegments("/evidence") || (path.Value?.EndsWith(".pdf") ?? false) || (path.Value?.EndsWith(".xlsx") ?? false)
        || (path.Value?.EndsWith(".zip") ?? false);

    /// <summary>A request under /api that may change data: anything but GET and HEAD.</summary>
    public static bool IsApiStateChange(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);
}
