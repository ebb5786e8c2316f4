using WuShe.Domain.Campaigns;
using WuShe.Domain.Compliance;
using WuShe.Domain.Sites;

namespace WuShe.Domain.Alerts;

/// <summary>
/// A district as the alert rules see it; <see cref="CompleteOn"/> counts its sites meeting every standard on each day
/// the milestones need (<see cref="MilestoneProgress.DaysNeeded"/>).
/// </summary>
public sealed record DistrictAlertInput(int Id, string Code, string Name, int StreetQuota, IReadOnlyDictionary<DateOnly, int> CompleteOn, QuotaLedger Ledger);

/// <summary>A site in creation as the alert rules see it.</summary>
public sealed record SiteAlertInput(
    int Id,
    int DistrictId,
    string Street,
    SiteTier Tier,
    int? JointSiteNumber,
    /// <summary>First day of the first period the site must report (approval, but not before the campaign's reporting start).</summary>
    DateOnly ReportingFrom,
    IReadOnlySet<DateOnly> SubmittedPeriods,
    SiteCompliance Compliance,
    /// <summary>This fundraising year as of the scan day (三（六）).</summary>
    FundraisingStanding Fundraising,
    /// <summary>The fundraising year just ended, as of its last day; null in year 1.</summary>
    FundraisingStanding? PreviousFundraising)
{
    /// <summary>Both standings from the site's facts, the way the completion verdict reads them.</summary>
    public static (FundraisingStanding Now, FundraisingStanding? Previous) FundraisingFor(Campaign campaign, SiteFacts facts, DateOnly today)
    {
        var now = ComplianceEngine.FundraisingOf(campaign, facts, today);
        return (now, now.Year.Previous is { } last ? ComplianceEngine.FundraisingOf(campaign, facts, last.End) : null);
    }
}

/// <summary>An evaluation that is due (mid-term or final), submitted or not.</summary>
/// <param name="CreationStart">开始创建 of the site (<see cref="Campaign.CreationStartOf"/>): a site that began after the due date owes nothing by it.</param>
public sealed record EvaluationDue(int SiteId, int DistrictId, string Street, string Phase, DateOnly DueDate, bool Submitted, DateOnly? CreationStart = null)
{
    public bool Owed => CreationStart is not { } start || start <= DueDate;
}

/// <summary>Settings of the rules: early-warning lead time (default 30 days) and how long after a period ends its report is due.</summary>
public sealed record AlertSettings(int LeadDays = 30, int ReportDueDays = 10);

public sealed record AlertInputs(
    Campaign Campaign,
    IReadOnlyList<DistrictAlertInput> Districts,
    IReadOnlyList<SiteAlertInput> Sites,
    IReadOnlyList<EvaluationDue> Evaluations);
