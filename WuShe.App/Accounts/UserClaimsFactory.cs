using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WuShe.App.Data;

namespace WuShe.App.Accounts;

/// <summary>
/// Identity's principal (id, user name, security stamp) with the account's role and binding (<see cref="UserClaims.For"/>)
/// and the campaign it works in (<see cref="CampaignOfAsync"/>).
/// </summary>
public class UserClaimsFactory : UserClaimsPrincipalFactory<UserAccount>
{
    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private readonly Campaigns.CurrentCampaign _current;

    public UserClaimsFactory(UserManager<UserAccount> users, IOptions<IdentityOptions> options, IDbContextFactory<WuSheDbContext> contexts,
        Campaigns.CurrentCampaign current) : base(users, options)
    {
        _contexts = contexts;
        _current = current;
    }

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(UserAccount user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaims(UserClaims.For(user));
        if (user.DistrictId is not null && user.OtherCampaignIds.Count > 0 && await DistrictInChosenCampaignAsync(user) is { } chosen)
        {
            identity.RemoveClaim(identity.FindFirst(UserClaims.DistrictId));
            identity.AddClaim(new(UserClaims.DistrictId, chosen.DistrictId.ToString()));
            identity.AddClaim(new(UserClaims.Campaign, chosen.CampaignId.ToString()));
            identity.AddClaim(new(UserClaims.Campaigns, string.Join(",", chosen.CampaignIds)));
        }
        else if (await CampaignOfAsync(user) is { } campaign) identity.AddClaim(new(UserClaims.Campaign, campaign.ToString()));
        return identity;
    }

    /// <summary>
    /// A district officer in several campaigns works, in the one last chosen (else the first it was bound in), as the
    /// district of the same code there.
    /// </summary>
    private async Task<(int DistrictId, int CampaignId, IReadOnlyList<int> CampaignIds)?> DistrictInChosenCampaignAsync(UserAccount user)
    {
        await using var db = await _contexts.ForSystemAsync();
        var home = await db.Districts.Where(d => d.Id == user.DistrictId).Select(d => new { d.Id, d.Code, d.CampaignId }).SingleOrDefaultAsync();
        if (home is null) return null;
        var others = user.OtherCampaignIds;
        var districts = await db.Districts.Where(d => d.Code == home.Code && (d.Id == home.Id || others.Contains(d.CampaignId)))
            .Select(d => new { d.Id, d.CampaignId }).ToListAsync();
        var chosen = districts.FirstOrDefault(d => d.CampaignId == user.CurrentCampaignId) ?? districts.First(d => d.Id == home.Id);
        return (chosen.Id, chosen.CampaignId, districts.Select(d => d.CampaignId).Order().ToList());
    }

    /// <summary>
    /// A district or station account works in its district's campaign; a city account in the one it last chose, else the
    /// default one (null only before any campaign is imported).
    /// </summary>
    private async Task<int?> CampaignOfAsync(UserAccount user)
    {
        await using var db = await _contexts.ForSystemAsync();
        if (user.DistrictId is { } district)
            return await db.Districts.Where(d => d.Id == district).Select(d => (int?)d.CampaignId).SingleOrDefaultAsync();
        if (user.CurrentCampaignId is { } chosen && await db.Campaigns.AnyAsync(c => c.Id == chosen)) return chosen;
        return await db.Campaigns.Where(c => c.Code == _current.DefaultCode).Select(c => (int?)c.Id).SingleOrDefaultAsync();
    }
}
