using WuShe.Domain.Common;
using WuShe.Domain.Sites;

namespace WuShe.Domain.Progress;

/// <summary>Figures of one covered community as of a report.</summary>
public sealed record CommunityFigures(
    int CommunityId,
    int? CommitteeMembers,
    int? CertifiedWorkers,
    int? VolunteerTeams,
    int? ResidentPopulation,
    int? RegisteredVolunteers,
    int? ActiveVolunteers,
    /// <summary>社区工作者总数 (all the community's workers, taking part or not): the denominator of 持证比例.</summary>
    int? CommunityWorkers = null,
    /// <summary>其中持有社会工作者职业资格证书的: the numerator of 持证比例.</summary>
    int? CertifiedCommunityWorkers = null);

/// <summary>登记 (registered with civil affairs) or 备案 (filed with the street).</summary>
public enum OrganisationStatus { Registered, Filed }

/// <summary>A community social organisation cultivated by the project (三（四）).</summary>
/// <param name="CommunityId">所属社区: the covered community it serves, where the campaign counts organisations per community.</param>
public sealed record OrganisationEntry(Guid Key, string Name, string Type, OrganisationStatus Status, DateOnly CultivatedOn, int? CommunityId = null);

public enum DonationKind
{
    /// <summary>资金.</summary>
    Cash,
    /// <summary>物资（折算金额）.</summary>
    InKind,
}

/// <summary>A donation to the community fund (三（六）); in-kind gifts count at their converted value. Money in 分.</summary>
public sealed record DonationEntry(Guid Key, DateTimeOffset ReceivedAt, string Donor, DonationKind Kind, string Description, long AmountFen)
{
    /// <summary>The calendar year the donation counts for, in Asia/Shanghai (stored, so sums by year run in SQL).</summary>
    public int Year { get; init; } = ReceivedAt.UtcDateTime.Year >= 9999 ? 9999 : ChinaTime.ToChina(ReceivedAt).Year;
    /// <summary>The month (1–12) in Asia/Shanghai, stored beside <see cref="Year"/> so fundraising years sum in SQL.</summary>
    public int Month { get; init; } = ReceivedAt.UtcDateTime.Year >= 9999 ? 12 : ChinaTime.ToChina(ReceivedAt).Month;
}

/// <summary>A professional service activity for people in special hardship (三（三）).</summary>
public sealed record ServiceActivityEntry(Guid Key, ServiceArea Area, DateOnly HeldOn, string Title, int Beneficiaries);

public enum PromotionKind
{
    /// <summary>专题研究.</summary>
    Research,
    /// <summary>经验总结/案例.</summary>
    CaseWriteUp,
    /// <summary>媒体宣传报道.</summary>
    MediaReport,
}

/// <summary>A summary and promotion item (三（七）).</summary>
public sealed record PromotionEntry(Guid Key, PromotionKind Kind, string Title, DateOnly PublishedOn, string Outlet);

/// <summary>
/// 服务站情况: the 街镇社会工作服务站's own figures, which some campaigns set standards on (眉县: 面积 ≥ 60 ㎡, ≥ 3 名工作人员,
/// 年度经费 ≥ 2 万元). Optional: empty is "not reported", judged as no data where a campaign asks for it.
/// </summary>
public sealed record StationFigures(int? FloorAreaSquareMetres, int? Staff, long? AnnualFundingFen)
{
    public static readonly StationFigures None = new(null, null, null);
}

/// <summary>Everything a station reports for one period; a draft may be incomplete.</summary>
public sealed record ReportContent(
    int? FullTimeSocialWorkers,
    bool FundEstablished,
    string FundCharity,
    bool FundCharityHasPublicFundraisingStatus,
    DateOnly? FundSetUpOn,
    IReadOnlyList<CommunityFigures> Communities,
    IReadOnlyList<OrganisationEntry> Organisations,
    IReadOnlyList<DonationEntry> Donations,
    IReadOnlyList<ServiceActivityEntry> Activities,
    IReadOnlyList<PromotionEntry> Promotions,
    StationFigures? Station = null)
{
    /// <summary>The station's figures; <see cref="StationFigures.None"/> when not reported.</summary>
    public StationFigures StationOrNone => Station ?? StationFigures.None;

    public static ReportContent Empty => new(null, false, "", false, null, Array.Empty<CommunityFigures>(),
        Array.Empty<OrganisationEntry>(), Array.Empty<DonationEntry>(), Array.Empty<ServiceActivityEntry>(), Array.Empty<PromotionEntry>());

    /// <summary>What a submission may not carry, field by field.</summary>
    public IReadOnlyList<FieldError> Validate(IReadOnlyCollection<int> communityIds)
    {
        var errors = new List<FieldError>();
        void Need(bool ok, string field, string message) { if (!ok) errors.Add(new FieldError(field, message)); }
        Need(FullTimeSocialWorkers is >= 0, nameof(FullTimeSocialWorkers), "请填写政府购买服务配备的专职社会工作者人数。");
        if (FundEstablished)
        {
            Need(!string.IsNullOrWhiteSpace(FundCharity), nameof(FundCharity), "已设立社区基金，请填写依托的慈善组织。");
            Need(FundSetUpOn is not null, nameof(FundSetUpOn), "已设立社区基金，请填写设立日期。");
        }
        foreach (var missing in communityIds.Except(Communities.Select(c => c.CommunityId)))
            errors.Add(new FieldError(nameof(Communities), $"缺少编号 {missing} 的社区数据。"));
        for (var i = 0; i < Communities.Count; i++)
        {
            var c = Communities[i];
            var at = $"{nameof(Communities)}[{i}]";
            Need(c.ResidentPopulation is > 0, $"{at}.{nameof(c.ResidentPopulation)}", "常住人口应为大于 0 的整数。");
            foreach (var (value, field, what) in new[] { (c.CommitteeMembers, nameof(c.CommitteeMembers), "“两委”成员"),
                         (c.CertifiedWorkers, nameof(c.CertifiedWorkers), "持证社区工作者"), (c.VolunteerTeams, nameof(c.VolunteerTeams), "志愿服务组织"),
                         (c.RegisteredVolunteers, nameof(c.RegisteredVolunteers), "注册志愿者"), (c.ActiveVolunteers, nameof(c.ActiveVolunteers), "有服务时长记录的志愿者") })
                Need(value is >= 0, $"{at}.{field}", $"请填写{what}人（个）数，没有请填 0。");
            Need(c.CertifiedCommunityWorkers is null || c.CommunityWorkers is not null, $"{at}.{nameof(c.CommunityWorkers)}", "填写了持证人数，请同时填写社区工作者总数。");
            Need(c.CertifiedCommunityWorkers is null || c.CommunityWorkers is null || c.CertifiedCommunityWorkers <= c.CommunityWorkers,
                $"{at}.{nameof(c.CertifiedCommunityWorkers)}", "持证的社区工作者不能多于社区工作者总数。");
            Need(c.ActiveVolunteers is null || c.RegisteredVolunteers is null || c.ActiveVolunteers <= c.RegisteredVolunteers,
                $"{at}.{nameof(c.ActiveVolunteers)}", "有服务时长记录的志愿者不能多于注册志愿者。");
            Need(c.RegisteredVolunteers is null || c.ResidentPopulation is null || c.RegisteredVolunteers <= c.ResidentPopulation,
                $"{at}.RegisteredVolunteers", "注册志愿者不能多于常住人口。");
        }
        for (var i = 0; i < Organisations.Count; i++)
            Need(!string.IsNullOrWhiteSpace(Organisations[i].Name), $"Organisations[{i}].Name", $"第 {i + 1} 个社区社会组织：请填写名称。");
        for (var i = 0; i < Donations.Count; i++)
        {
            Need(Donations[i].AmountFen > 0, $"Donations[{i}].AmountFen", $"第 {i + 1} 笔筹款：金额应大于 0。");
            Need(!string.IsNullOrWhiteSpace(Donations[i].Donor), $"Donations[{i}].Donor", $"第 {i + 1} 笔筹款：请填写捐赠方。");
            Need(Donations[i].Kind == DonationKind.Cash || !string.IsNullOrWhiteSpace(Donations[i].Description),
                $"Donations[{i}].Description", $"第 {i + 1} 笔筹款：捐赠物资请写明物资名称和数量。");
        }
        for (var i = 0; i < Activities.Count; i++)
        {
            Need(!string.IsNullOrWhiteSpace(Activities[i].Title), $"Activities[{i}].Title", $"第 {i + 1} 次服务活动：请填写活动名称。");
            Need(Activities[i].Beneficiaries >= 0, $"Activities[{i}].Beneficiaries", $"第 {i + 1} 次服务活动：受益人数不能为负。");
            Need(Activities[i].Area is not ServiceArea.None && (Activities[i].Area & (Activities[i].Area - 1)) == 0,
                $"Activities[{i}].Area", $"第 {i + 1} 次服务活动：请选择一个服务领域。");
        }
        for (var i = 0; i < Promotions.Count; i++)
            Need(!string.IsNullOrWhiteSpace(Promotions[i].Title), $"Promotions[{i}].Title", $"第 {i + 1} 项总结推广：请填写题目。");
        return errors;
    }
}
