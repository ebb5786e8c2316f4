using WuShe.Domain.Accounts;
using WuShe.Domain.Common;
using WuShe.Domain.Sites;

namespace WuShe.Domain.Progress;

public enum ReportState
{
    /// <summary>草稿.</summary>
    Draft,
    /// <summary>已提交.</summary>
    Submitted,
    /// <summary>已退回.</summary>
    Returned,
}

/// <summary>
/// 进展报告: what a street station reports for its site and each covered community for one period (monthly by
/// default). A draft until submitted; the district can return it with a reason. Only submitted reports count.
/// </summary>
public class ProgressReport
{
    private readonly List<CommunityFigures> _communities = new();
    private readonly List<OrganisationEntry> _organisations = new();
    private readonly List<DonationEntry> _donations = new();
    private readonly List<ServiceActivityEntry> _activities = new();
    private readonly List<PromotionEntry> _promotions = new();

    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public int SiteId { get; private set; }
    public int DistrictId { get; private set; }
    public int PeriodYear { get; private set; }
    /// <summary>First month of the period.</summary>
    public int PeriodMonth { get; private set; }
    public int PeriodMonths { get; private set; } = 1;
    public ReportState State { get; private set; }
    public string ReturnReason { get; private set; } = "";
    /// <summary>Who returned it last: 区民政局 or 市民政局 (both may), as the station's banner says.</summary>
    public string ReturnedBy { get; private set; } = "";
    public int Version { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string SubmittedBy { get; private set; } = "";

    public int? FullTimeSocialWorkers { get; private set; }
    public bool FundEstablished { get; private set; }
    public string FundCharity { get; private set; } = "";
    public bool FundCharityHasPublicFundraisingStatus { get; private set; }
    public DateOnly? FundSetUpOn { get; private set; }
    /// <summary>服务站面积（平方米）, where the campaign asks for it.</summary>
    public int? StationFloorArea { get; private set; }
    /// <summary>服务站工作人员数.</summary>
    public int? StationStaff { get; private set; }
    /// <summary>服务站年度运营经费, 分.</summary>
    public long? StationAnnualFundingFen { get; private set; }
    public StationFigures Station => new(StationFloorArea, StationStaff, StationAnnualFundingFen);

    public IReadOnlyList<CommunityFigures> Communities => _communities;
    public IReadOnlyList<OrganisationEntry> Organisations => _organisations;
    public IReadOnlyList<DonationEntry> Donations => _donations;
    public IReadOnlyList<ServiceActivityEntry> Activities => _activities;
    public IReadOnlyList<PromotionEntry> Promotions => _promotions;

    protected ProgressReport() { }

    public DateOnly PeriodStart => new(PeriodYear, PeriodMonth, 1);
    public DateOnly PeriodEnd => PeriodStart.AddMonths(PeriodMonths).AddDays(-1);
    public string PeriodLabel => LabelOf(PeriodYear, PeriodMonth, PeriodMonths);

    /// <summary>"2024年4月", or "2024年4—6月" for a longer period.</summary>
    public static string LabelOf(int year, int month, int months) =>
        months == 1 ? $"{year}年{month}月" : $"{year}年{month}—{month + months - 1}月";

    /// <summary>
    /// A station opens the report of a period that has begun, for a site in creation, no earlier than the site's first
    /// reporting period (<see cref="FirstPeriodStart"/>).
    /// </summary>
    public static ProgressReport Open(Site site, int year, int month, int periodMonths, Actor actor, DateTimeOffset now, DateOnly? campaignReportingStart = null)
    {
        EnsureMayFill(actor, site.Id, site.DistrictId);
        if (!CanReport(site.State))
            throw new DomainException($"“{site.Street}”当前为“{site.State.Label()}”，立项后才能填报进展。");
        if (year < ReportBounds.EarliestDate.Year || year > ChinaTime.ToChina(now).Year)
            throw new DomainException($"填报年份 {year} 无效。");
        if (periodMonths is < 1 or > 12 || 12 % periodMonths != 0) throw new DomainException($"填报周期 {periodMonths} 个月无效。");
        if (month is < 1 or > 12 || (month - 1) % periodMonths != 0)
            throw new DomainException(periodMonths == 1 ? $"月份 {month} 无效。" : $"填报周期为 {periodMonths} 个月，期初月份应为 {string.Join("、", Enumerable.Range(0, 12 / periodMonths).Select(i => i * periodMonths + 1))} 月。");
        var report = new ProgressReport
        {
            CampaignId = site.CampaignId, SiteId = site.Id, DistrictId = site.DistrictId, PeriodYear = year, PeriodMonth = month,
            PeriodMonths = periodMonths, State = ReportState.Draft, CreatedAt = now,
        };
        if (report.PeriodStart > ChinaTime.Today(new FixedInstant(now)))
            throw new DomainException($"{report.PeriodLabel}尚未开始，不能提前填报。");
        var first = site.ApprovedAt is { } at ? FirstPeriodStart(site.Tier, ChinaTime.ToChina(at), campaignReportingStart) : campaignReportingStart;
        if (first is not null && report.PeriodEnd < first)
            throw new DomainException($"“{site.Street}”从 {first.Value.Year}年{first.Value.Month}月起填报进展，{report.PeriodLabel}早于此。");
        return report;
    }

    /// <summary>
    /// 首个填报期: a 市区联合创建点 reports from the campaign's reporting start; a district-level site from the month it
    /// was approved, or the campaign's start when that is later.
    /// </summary>
    public static DateOnly FirstPeriodStart(SiteTier tier, DateTimeOffset approvedInChina, DateOnly? campaignReportingStart) =>
        FirstPeriodStart(tier, ChinaTime.DateOf(approvedInChina), campaignReportingStart);

    /// <inheritdoc cref="FirstPeriodStart(SiteTier, DateTimeOffset, DateOnly?)"/>
    public static DateOnly FirstPeriodStart(SiteTier tier, DateOnly approvedOn, DateOnly? campaignReportingStart)
    {
        var approvedMonth = new DateOnly(approvedOn.Year, approvedOn.Month, 1);
        if (campaignReportingStart is not { } start) return approvedMonth;
        return tier == SiteTier.CityDistrictJoint || approvedMonth < start ? start : approvedMonth;
    }

    /// <summary>Entries are dated from January of the campaign's first reporting year (system floor <see cref="ReportBounds.EarliestDate"/>) to the period's end.</summary>
    public static DateOnly EarliestEntryDate(DateOnly? campaignReportingStart) =>
        campaignReportingStart is { } start && start.Year > ReportBounds.EarliestDate.Year ? new DateOnly(start.Year, 1, 1) : ReportBounds.EarliestDate;

    public static bool CanReport(SiteState state) =>
        state is SiteState.Approved or SiteState.InProgress or SiteState.MidTermEvaluated or SiteState.FinalEvaluated or SiteState.Rectification;

    public ReportContent Content => new(FullTimeSocialWorkers, FundEstablished, FundCharity, FundCharityHasPublicFundraisingStatus,
        FundSetUpOn, _communities.ToList(), _organisations.ToList(), _donations.ToList(), _activities.ToList(), _promotions.ToList(), Station);

    /// <summary>
    /// Saves the whole report (all rows at once) while a draft or returned: the site's own station, or its district
    /// officer filling in on the station's behalf (e.g. from the district's Excel template); only the station submits.
    /// </summary>
    public void Update(Actor actor, ReportContent content, IReadOnlyCollection<int> siteCommunityIds, DateOnly? campaignReportingStart = null)
    {
        EnsureMayFill(actor, SiteId, DistrictId);
        if (State == ReportState.Submitted) throw new DomainException($"{PeriodLabel}进展报告已提交，不能修改；如需更正请联系区民政局退回。");
        var outOfBounds = ReportBounds.Check(content, EarliestEntryDate(campaignReportingStart), PeriodEnd);
        if (outOfBounds.Count > 0) throw new FieldValidationException(outOfBounds);
        var foreign = content.Communities.Select(c => c.CommunityId).Except(siteCommunityIds).ToList();
        if (foreign.Count > 0) throw new DomainException("报告中含有不属于本创建点的社区。");
        var misplaced = content.Organisations.Select((o, i) => (o, i)).Where(x => x.o.CommunityId is { } id && !siteCommunityIds.Contains(id))
            .Select(x => new FieldError($"Organisations[{x.i}].CommunityId", $"第 {x.i + 1} 个社区社会组织的所属社区不是本创建点的社区。")).ToList();
        if (misplaced.Count > 0) throw new FieldValidationException(misplaced);
        FullTimeSocialWorkers = content.FullTimeSocialWorkers;
        FundEstablished = content.FundEstablished;
        FundCharity = content.FundEstablished ? content.FundCharity.Trim() : "";
        FundCharityHasPublicFundraisingStatus = content.FundEstablished && content.FundCharityHasPublicFundraisingStatus;
        FundSetUpOn = content.FundEstablished ? content.FundSetUpOn : null;
        (StationFloorArea, StationStaff, StationAnnualFundingFen) = (content.StationOrNone.FloorAreaSquareMetres, content.StationOrNone.Staff, content.StationOrNone.AnnualFundingFen);
        Replace(_communities, content.Communities);
        Replace(_organisations, content.Organisations);
        Replace(_donations, content.Donations);
        Replace(_activities, content.Activities);
        Replace(_promotions, content.Promotions);
        Version++;
    }

    public void Submit(Actor actor, DateTimeOffset now, IReadOnlyCollection<int> siteCommunityIds, DateOnly? campaignReportingStart = null)
    {
        EnsureStationOf(actor, SiteId);
        if (State == ReportState.Submitted) throw new DomainException($"{PeriodLabel}进展报告已经提交。");
        var errors = ReportBounds.Check(Content, EarliestEntryDate(campaignReportingStart), PeriodEnd).Concat(Content.Validate(siteCommunityIds)).ToList();
        if (errors.Count > 0) throw new FieldValidationException(errors);
        State = ReportState.Submitted;
        SubmittedAt = now;
        SubmittedBy = actor.Name;
        ReturnReason = "";
        Version++;
    }

    /// <summary>The district (or the city) returns a submitted report with a reason the station sees.</summary>
    public void Return(Actor actor, string reason)
    {
        if (actor.Role == UserRole.DistrictOfficer ? actor.DistrictId != DistrictId : actor.Role != UserRole.CityAdministrator)
            throw new DomainException("只有本区民政局或市民政局可以退回进展报告。");
        if (State != ReportState.Submitted) throw new DomainException("只有已提交的进展报告可以退回。");
        if (string.IsNullOrWhiteSpace(reason))
            throw new FieldValidationException(new[] { new FieldError("Reason", "退回进展报告必须填写理由。") });
        State = ReportState.Returned;
        ReturnReason = reason.Trim();
        ReturnedBy = actor.Role == UserRole.CityAdministrator ? "市民政局" : "区民政局";
        Version++;
    }

    private static void Replace<T>(List<T> list, IEnumerable<T> items)
    {
        list.Clear();
        list.AddRange(items);
    }

    private static void EnsureMayFill(Actor actor, int siteId, int districtId)
    {
        if (actor.Role == UserRole.DistrictOfficer && actor.DistrictId == districtId) return;
        EnsureStationOf(actor, siteId);
    }

    private static void EnsureStationOf(Actor actor, int siteId)
    {
        if (actor.Role != UserRole.StreetStation || actor.SiteId != siteId)
            throw new DomainException("只有本创建点的街镇社会工作服务站（或本区民政局代填）可以填报进展；提交须由服务站进行。");
    }

    private sealed record FixedInstant(DateTimeOffset Now) : IClock;
}

public static class ReportLabels
{
    public static string Label(this ReportState s) => s switch
    {
        ReportState.Draft => "草稿",
        ReportState.Submitted => "已提交",
        _ => "已退回",
    };

    public static string Label(this PromotionKind k) => k switch
    {
        PromotionKind.Research => "专题研究",
        PromotionKind.CaseWriteUp => "经验总结",
        _ => "宣传报道",
    };

    public static string Label(this DonationKind k) => k == DonationKind.Cash ? "资金" : "物资（折算）";

    public static string Label(this OrganisationStatus s) => s == OrganisationStatus.Registered ? "登记" : "备案";
}
