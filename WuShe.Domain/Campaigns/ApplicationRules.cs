using WuShe.Domain.Common;
using WuShe.Domain.Sites;

namespace WuShe.Domain.Campaigns;

/// <summary>
/// 申报条件: what a site must show to be applied for and designated, with the clause each comes from — campaign data
/// (Tianjin: ≥ 2 communities and ≥ 2 full-time social workers by 三（二）, a charity with 公开募捐资格 by 三（六）, the four
/// service areas of 三（三）). The example texts are the region's, shown as placeholders in the forms.
/// </summary>
public sealed record ApplicationRules(
    int MinimumCommunities,
    string CommunitiesClause,
    int MinimumSocialWorkers,
    string SocialWorkersClause,
    bool FundCharityNeedsPublicFundraising,
    string FundClause,
    /// <summary>The service areas the notice names ("其他" is always offered besides).</summary>
    ServiceArea ServiceAreas,
    string ServiceAreasClause,
    /// <summary>Placeholder of the charity field, e.g. "如：天津市慈善协会".</summary>
    string CharityExample,
    /// <summary>Example landline, e.g. "022-12345678".</summary>
    string PhoneExample)
{
    /// <summary>The areas a form offers, in the notice's order, "其他" last.</summary>
    public IReadOnlyList<(ServiceArea Area, string Label)> OfferedServiceAreas() =>
        ServiceAreaLabels.All.Where(a => a.Area == ServiceArea.Other || ServiceAreas.HasFlag(a.Area)).ToList();

    /// <summary>What makes the rules unusable, field by field (names as in campaign.json's "application").</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        void Need(bool ok, string field, string message) { if (!ok) errors.Add(new FieldError(field, message)); }
        Need(MinimumCommunities is >= 1 and <= 50, "minimumCommunities", $"最少辐射社区数 {MinimumCommunities} 无效，应在 1—50 之间。");
        Need(MinimumSocialWorkers is >= 0 and <= 50, "minimumSocialWorkers", $"最少专职社工数 {MinimumSocialWorkers} 无效，应在 0—50 之间。");
        Need(ServiceAreas != ServiceArea.None && !ServiceAreas.HasFlag(ServiceArea.Other) && (int)ServiceAreas < (int)ServiceArea.Other * 2,
            "serviceAreas", "服务领域至少列出一个通知所列领域（“其他”无需列出）。");
        foreach (var (value, field) in new[] { (CommunitiesClause, "communitiesClause"), (SocialWorkersClause, "socialWorkersClause"),
                     (FundClause, "fundClause"), (ServiceAreasClause, "serviceAreasClause"), (CharityExample, "charityExample"), (PhoneExample, "phoneExample") })
            Need(!string.IsNullOrWhiteSpace(value), field, $"缺少 {field}。");
        return errors;
    }
}
