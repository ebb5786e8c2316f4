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
    IReadOnlyDictionary<int, long> FundraisingFenByYear,
    long? FloorFen);

/// <summary>An evaluation that is due (mid-term or final), submitted or not.</summary>
public sealed record EvaluationDue(int SiteId, int DistrictId, string Street, string Phase, DateOnly DueDate, bool Submitted);

/// <summary>Settings of the rules: early-warning lead time (default 30 days) and how long after a period ends its report is due.</summary>
public sealed record AlertSettings(int LeadDays = 30, int ReportDueDays = 10);

public sealed record AlertInputs(
    Campaign Campaign,
    IReadOnlyList<DistrictAlertInput> Districts,
    IReadOnlyList<SiteAlertInput> Sites,
    IReadOnlyList<EvaluationDue> Evaluations);
