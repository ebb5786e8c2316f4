using Microsoft.Extensions.Options;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Common;

namespace WuShe.App.Campaigns;

/// <summary>
/// The one answer to "which campaign" for pages, commands and jobs that work on the campaign rather than on a site (a
/// site's own campaign is <c>Site.CampaignId</c>): today the configured <c>WuShe:CurrentCampaign</c>.
/// </summary>
public sealed class CurrentCampaign(IOptions<WuSheOptions> options)
{
    public string Code => options.Value.CurrentCampaign;

    /// <summary>The campaign as a query, to include or project what the caller needs.</summary>
    public IQueryable<Campaign> In(WuSheDbContext db) => db.Campaigns.Where(c => c.Code == Code);

    public NotFoundException Missing() => new($"尚未导入创建活动“{Code}”。");
}
