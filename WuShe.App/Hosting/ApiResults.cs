namespace WuShe.App.Hosting;

/// <summary>Maps the application's refusals to HTTP: 404 for a missing record, 403 for one outside the user's scope.</summary>
public static class ApiResults
{
    public static async Task<IResult> Run<T>(Func<Task<T>> read)
    {
        try
        {
            return Results.Ok(await read());
        }
        catch (NotFoundException e)
        {
            return Results.Json(new { error = e.Message }, statusCode: StatusCodes.Status404NotFound);
        }
        catch (AccessDeniedException e)
        {
            return Results.Json(new { error = e.Message }, statusCode: StatusCodes.Status403Forbidden);
        }
    }
}
