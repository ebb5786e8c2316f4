using Microsoft.Extensions.Options;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Common;

namespace WuShe.App.Campaigns;

/// <summary>
/// The one answer to "which campaign" for pages, commands and jobs that work on the campaign rather than on a site (a
/// site's own campaign is <c>Site.CampaignId</c>): the campaign of the context's reader (<see cref="Domain.Accounts.UserScope.CampaignId"/>:
/// a city user's remembered choice, a district or station account's own), else the configured default <c>WuShe:CurrentCampaign</c>.
/// </summary>
public sealed class CurrentCampaign(IOptions<WuSheOptions> options)
{
    /// <summary>The default campaign's code: the first start's seeded campaign, and the one a new city account opens.</summary>
    public string DefaultCode => options.Value.CurrentCampaign;

    /// <summary>The campaign as a query, to include or project what the caller needs.</summary>
    public IQueryable<Campaign> In(WuSheDbContext db) => db.ReadScope.CampaignId is { } id
        ? db.Campaigns.Where(c => c.Id == id)
        : db.Campaigns.Where(c => c.Code == DefaultCode);

    public NotFoundException Missing(WuSheDbContext db) => db.ReadScope.CampaignId is null
        ? new($"尚未导入创建活动“{DefaultCode}”。")
        : new("没有找到当前的创建活动，请重新选择。");
}
