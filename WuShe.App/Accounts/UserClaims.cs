using System.Security.Claims;
using WuShe.App.Hosting;
using WuShe.Domain.Accounts;

namespace WuShe.App.Accounts;

/// <summary>Carries a user's role and scope in the sign-in cookie, and reads it back on every request.</summary>
public static class UserClaims
{
    public const string DistrictId = "wushe:district";
    public const string SiteId = "wushe:site";
    public const string AssignedSites = "wushe:assigned-sites";
    /// <summary>The campaign the account works in (set by <see cref="UserClaimsFactory"/>).</summary>
    public const string Campaign = "wushe:campaign";
    /// <summary>The campaigns a district officer in several may switch between (set by <see cref="UserClaimsFactory"/>).</summary>
    public const string Campaigns = "wushe:campaigns";
    public const string MustChangePassword = "wushe:must-change-password";
    public const string TwoFactor = "wushe:two-factor";
    public static readonly string Scheme = Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme;

    /// <summary>The policy's claims beside Identity's own (id, name, security stamp): display name, role, binding.</summary>
    public static IEnumerable<Claim> For(UserAccount user)
    {
        yield return new(ClaimTypes.GivenName, user.DisplayName);
        yield return new(ClaimTypes.Role, user.Role.ToString());
        if (user.DistrictId is { } d) yield return new(DistrictId, d.ToString());
        if (user.SiteId is { } s) yield return new(SiteId, s.ToString());
        if (user.AssignedSiteIds.Count > 0) yield return new(AssignedSites, string.Join(",", user.AssignedSiteIds));
        if (user.MustChangePassword) yield return new(MustChangePassword, "1");
        if (user.TwoFactorEnabled) yield return new(TwoFactor, "1");
    }

    public static bool MustChangePasswordNow(this ClaimsPrincipal principal) => principal.HasClaim(MustChangePassword, "1");
    public static bool HasTwoFactor(this ClaimsPrincipal principal) => principal.HasClaim(TwoFactor, "1");

    /// <summary>The scope of a signed-in user; throws for an anonymous one, since no data query may run without a scope.</summary>
    public static UserScope Scope(this ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || !Enum.TryParse<UserRole>(principal.FindFirstValue(ClaimTypes.Role), out var role))
            throw new AccessDeniedException("请先登录。");
        var assigned = (principal.FindFirstValue(AssignedSites) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
        return new UserScope(role, IntClaim(principal, DistrictId), IntClaim(principal, SiteId))
            {
                AssignedSiteIds = assigned, CampaignId = IntClaim(principal, Campaign),
                CampaignIds = (principal.FindFirstValue(Campaigns) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList(),
            };
    }

    /// <summary>The signed-in user as the domain sees them when they act.</summary>
    public static Actor Actor(this ClaimsPrincipal principal)
    {
        var scope = principal.Scope();
        return new Actor(int.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier)!), principal.DisplayName(), scope.Role, scope.DistrictId, scope.SiteId);
    }

    public static string DisplayName(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.GivenName) ?? principal.Identity?.Name ?? "";

    private static int? IntClaim(ClaimsPrincipal p, string type) =>
        int.TryParse(p.FindFirstValue(type), out var v) ? v : null;
}
