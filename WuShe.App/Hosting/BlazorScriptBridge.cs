using Microsoft.Net.Http.Headers;

namespace WuShe.App.Hosting;

/// <summary>
/// Serves the Blazor client script at /_framework/blazor.web.js. .NET 10 ships it in an assets package the feed lacks;
/// the 9.0.x script is read out of the 9.0.x runtime pack at build time and embedded here (BlazorScriptBridge.targets
/// says why and how to remove this the day the feed has the package).
/// </summary>
public static class BlazorScriptBridge
{
    public const string Path = "/_framework/blazor.web.js";
    private const string ResourceName = "WuShe.BlazorScriptBridge.blazor.web.js";

    private static readonly Lazy<(byte[] Bytes, string ETag)> Script = new(() =>
    {
        using var stream = typeof(BlazorScriptBridge).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("构建时未嵌入 blazor.web.js（见 Hosting/BlazorScriptBridge.targets）。");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        return (bytes, $"\"{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))[..16]}\"");
    });

    public static void MapBlazorScriptBridge(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, (HttpContext http) =>
        {
            var (bytes, etag) = Script.Value;
            http.Response.Headers.ETag = etag;
            // Not fingerprinted, so browsers revalidate it; an unchanged script costs a 304.
            http.Response.Headers.CacheControl = "no-cache";
            if (http.Request.Headers.IfNoneMatch == etag) return Results.StatusCode(StatusCodes.Status304NotModified);
            return Results.Bytes(bytes, "text/javascript; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
}
