using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using WuShe.Domain.Accounts;

namespace WuShe.App.Hosting;

/// <summary>
/// What every response and request passes through for safety: response headers (nosniff, referrer, framing, a content
/// policy Blazor Server and Radzen run under, no caching of data), the sign-in rate limit per client address, the
/// read-only viewer refused any state change through the API, and in Production HTTPS with HSTS behind an optional proxy.
/// </summary>
public static class SecurityHeaders
{
    public const string SignInPolicy = "sign-in";

    /// <summary>script-src 'self' only: no inline script anywhere (reconnect.js is a file); Radzen sets inline styles.</summary>
    public const string ContentPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static void AddSecurity(this IServiceCollection services, WuSheOptions options)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await ctx.HttpContext.Response.WriteAsync("登录尝试过于频繁，请一分钟后再试。", ct);
            };
            // Only the sign-in POST counts, per client address: one address cannot keep guessing or locking accounts.
            o.AddPolicy(SignInPolicy, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "?", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.Sessions.SignInsPerMinutePerAddress, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("get"));
        });
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            foreach (var proxy in options.Https.KnownProxies) o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(180));
    }

    public static void UseSecurity(this WebApplication app, WuSheOptions options)
    {
        if (options.Https.KnownProxies.Count > 0) app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment() && options.Https.Require)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.Use(async (http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                headers.XFrameOptions = "DENY";
                if (http.Response.ContentType?.StartsWith("text/html") == true) headers.ContentSecurityPolicy = ContentPolicy;
                if (ApiResults.IsDataPath(http.Request.Path)) headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            await next();
        });
    }

    /// <summary>The read-only viewer changes nothing: every API call but a read is refused, whatever the endpoint.</summary>
    public static void UseReadOnlyViewer(this WebApplication app) => app.Use(async (http, next) =>
    {
        if (ApiResults.IsApiStateChange(http.Request) && http.User.IsInRole(nameof(UserRole.Viewer)))
        {
            await ApiResults.Error(StatusCodes.Status403Forbidden, "只读账号不能修改任何数据。").ExecuteAsync(http);
            return;
        }
        await next();
    });
}
