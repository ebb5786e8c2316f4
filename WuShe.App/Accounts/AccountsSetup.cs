using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using WuShe.App.Data;
using WuShe.App.Hosting;

namespace WuShe.App.Accounts;

/// <summary>
/// Accounts on ASP.NET Core Identity: users in the app's database, lock-out, the policy's passwords, and sessions that
/// end when they must — idle timeout, absolute lifetime, and a security stamp checked on requests and open pages, which
/// sign-out, password change or reset, disabling and re-binding all rotate.
/// </summary>
public static class AccountsSetup
{
    public const string SignedInAt = "wushe.signedInAt";

    public static void AddAccounts(this IServiceCollection services, WuSheOptions options, bool secureCookies)
    {
        var sessions = options.Sessions;
        services.AddIdentityCore<UserAccount>(o =>
            {
                // The policy's own rule (length, kinds, user name) replaces Identity's checks (PolicyPasswordValidator).
                o.Password.RequiredLength = 1;
                o.Password.RequireDigit = o.Password.RequireLowercase = o.Password.RequireUppercase = o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyz0123456789-._@";
            })
            .AddEntityFrameworkStores<WuSheDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<UserClaimsFactory>()
            .AddPasswordValidator<PolicyPasswordValidator>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddDefaultTokenProviders();
        services.AddSingleton<SignInService>();
        services.AddSingleton<SecurityAudit>();
        services.AddSingleton<AccountAdministration>();
        services.AddSingleton<AccountWorkbook>();
        services.AddSingleton<DevelopmentAccounts>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "wushe.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/access-denied";
            o.ExpireTimeSpan = sessions.IdleTimeout;
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = ctx => ValidateAsync(ctx, sessions.AbsoluteLifetime);
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = sessions.StampCheckInterval);
        services.AddScoped<AuthenticationStateProvider, CircuitRevalidation>();
    }

    /// <summary>Properties a new session starts with: when it began (real time, even when Development replays a date).</summary>
    public static AuthenticationProperties NewSession() =>
        new(new Dictionary<string, string?> { [SignedInAt] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString() });

    private static async Task ValidateAsync(CookieValidatePrincipalContext ctx, TimeSpan absoluteLifetime)
    {
        if (!ctx.Properties.Items.TryGetValue(SignedInAt, out var text) || !long.TryParse(text, out var seconds)
            || DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(seconds) > absoluteLifetime)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(ctx);
    }

    /// <summary>Where to go after signing in: only a path on this site, never another host, never back to sign-in.</summary>
    public static string LocalPath(string? returnUrl)
    {
        var url = returnUrl ?? "/";
        if (!url.StartsWith('/')) url = "/" + url;
        return url.StartsWith("//") || url.StartsWith("/\\") || url.StartsWith("/login") ? "/" : url;
    }

    /// <summary>API callers get a status code, browsers a redirect to the sign-in page.</summary>
    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api")) ctx.Response.StatusCode = status;
        else ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// What a signed-in account must do before anything else: replace a password set by someone else, then, where its role
    /// requires it (<see cref="SessionOptions.RequiresTwoFactor"/>), set up two-factor. Until then it reaches only that page.
    /// </summary>
    public static void UseAccountGates(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WuSheOptions>>().Value.Sessions;
        var development = app.Environment.IsDevelopment();
        app.Use(async (http, next) =>
        {
            var user = http.User;
            var (page, refusal) = user.Identity?.IsAuthenticated != true ? (null, null)
                : user.MustChangePasswordNow() ? (PasswordPage.Path, "请先修改初始密码。")
                : !user.HasTwoFactor() && options.RequiresTwoFactor(user.Scope().Role, development) ? (AccountPage.Path, "请先设置二步验证。")
                : ((string?)null, (string?)null);
            var path = http.Request.Path;
            if (page is not null && !path.StartsWithSegments(page) && !path.StartsWithSegments("/logout")
                && !path.StartsWithSegments("/_framework") && !path.StartsWithSegments("/_content") && !path.StartsWithSegments("/_blazor")
                && !Path.HasExtension(path.Value))
            {
                if (path.StartsWithSegments("/api")) await ApiResults.Error(StatusCodes.Status403Forbidden, refusal!).ExecuteAsync(http);
                else http.Response.Redirect(page);
                return;
            }
            await next();
        });
    }
}
