using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.Domain.Accounts;
using WuShe.Domain.Sites;

namespace WuShe.App.Accounts;

/// <summary>One account per role for trying the system; created in Development only (README lists them).</summary>
public class DevelopmentAccounts
{
    /// <summary>(user name, display name, role, district code, joint-site number); the evaluator is assigned every joint site.</summary>
    public static readonly IReadOnlyList<(string UserName, string DisplayName, UserRole Role, string? DistrictCode, int? JointSite)> All = new[]
    {
        ("admin", "市民政局管理员", UserRole.CityAdministrator, (string?)null, (int?)null),
        ("expert", "市级评估专家", UserRole.CityEvaluator, null, null),
        ("heping", "和平区民政局", UserRole.DistrictOfficer, "120101", null),
        ("binhai", "滨海新区民政局", UserRole.DistrictOfficer, "120116", null),
        ("nanshi", "南市街道社会工作服务站", UserRole.StreetStation, "120101", 2),
        ("viewer", "市民政局领导", UserRole.Viewer, null, null),
    };

    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private readonly IServiceScopeFactory _scopes;
    private readonly WuSheOptions _options;
    private readonly Campaigns.CurrentCampaign _campaign;

    public DevelopmentAccounts(IDbContextFactory<WuSheDbContext> contexts, IServiceScopeFactory scopes, IOptions<WuSheOptions> options,
        Campaigns.CurrentCampaign campaign)
    {
        _contexts = contexts;
        _scopes = scopes;
        _options = options.Value;
        _campaign = campaign;
    }

    public async Task EnsureAsync(CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(_options.DevelopmentAccountPassword)) return;
        await using var db = await _contexts.ForSystemAsync(ct);
        await using var scope = _scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var campaign = await _campaign.In(db).SingleAsync(ct);
        var existing = await db.UserAccounts.Select(u => u.UserName).ToListAsync(ct);
        var jointSites = await db.Sites.Where(s => s.CampaignId == campaign.Id && s.Tier == SiteTier.CityDistrictJoint).Select(s => s.Id).ToListAsync(ct);
        foreach (var a in All.Where(a => !existing.Contains(a.UserName)))
        {
            int? districtId = a.DistrictCode is null ? null
                : await db.Districts.Where(d => d.CampaignId == campaign.Id && d.Code == a.DistrictCode).Select(d => (int?)d.Id).SingleOrDefaultAsync(ct);
            int? siteId = a.JointSite is null ? null
                : await db.Sites.Where(s => s.CampaignId == campaign.Id && s.Tier == SiteTier.CityDistrictJoint && s.JointSiteNumber == a.JointSite)
                    .Select(s => (int?)s.Id).SingleOrDefaultAsync(ct);
            // The sample district and station accounts are Tianjin's; another default campaign gets the city's accounts only.
            if ((a.DistrictCode is not null && districtId is null) || (a.JointSite is not null && siteId is null)) continue;
            var created = await users.CreateAsync(new UserAccount(a.UserName, a.DisplayName, new AccountBinding(a.Role, districtId, siteId,
                a.Role == UserRole.CityEvaluator ? jointSites : null)),
                _options.DevelopmentAccountPassword);
            if (!created.Succeeded)
                throw new InvalidOperationException($"无法创建开发账号 {a.UserName}：{string.Join(" ", created.Errors.Select(e => e.Description))}");
        }
    }
}
