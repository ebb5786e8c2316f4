using WuShe.Domain.Sites;

namespace WuShe.Domain.Compliance;

/// <summary>One covered community's figures as of a date; null means nobody has reported it.</summary>
public sealed record CommunityFacts(
    string Name,
    int? CommitteeMembers,
    int? CertifiedWorkers,
    int? VolunteerTeams,
    int? ResidentPopulation,
    int? RegisteredVolunteers,
    /// <summary>Registered volunteers with recorded service hours in the as-of year (from that year's latest report).</summary>
    int? ActiveVolunteers,
    /// <summary>城市社区 or 农村社区 (村), as recorded for the community; rules may select one kind.</summary>
    CommunityKind Kind = CommunityKind.UrbanCommunity,
    /// <summary>社区工作者总数 and those holding the 社会工作者 certificate (持证比例).</summary>
    int? CommunityWorkers = null,
    int? CertifiedCommunityWorkers = null,
    /// <summary>社区社会组织 cultivated for this community (所属社区) up to the as-of date.</summary>
    int? Organisations = null);

/// <summary>
/// What the compliance engine needs to know about a site as of a date: the latest submitted report's figures and
/// everything entered in submitted reports up to that date. <see cref="HasReport"/> false means "no data", never a pass.
/// </summary>
public sealed record SiteFacts(
    SiteTier Tier,
    int? JointSiteNumber,
    int CoveredCommunities,
    bool HasReport,
    int? FullTimeSocialWorkers,
    bool FundEstablished,
    bool FundCharityHasPublicFundraisingStatus,
    string FundCharity,
    DateOnly? FundSetUpOn,
    IReadOnlyList<CommunityFacts> Communities,
    int Organisations,
    int SpecialHardshipActivities,
    int Beneficiaries,
    int ResearchTopics,
    int CaseWriteUps,
    int MediaReports,
    /// <summary>Donations (含物资折算) by the month received in China time, as yyyyMM → 分.</summary>
    IReadOnlyDictionary<int, long> FundraisingFenByMonth,
    /// <summary>立项 day in China time; with the campaign it gives the site's start of creation and fundraising years.</summary>
    DateOnly? ApprovedOn,
    /// <summary>服务站情况 from the latest report; <see cref="StationFigures.None"/> when none was reported.</summary>
    Progress.StationFigures? Station = null)
{
    public static SiteFacts NoReports(SiteTier tier, int? number, IReadOnlyList<string> communities, DateOnly? approvedOn) => new(tier, number,
        communities.Count, false, null, false, false, "", null, communities.Select(n => new CommunityFacts(n, null, null, null, null, null, null, Community.KindOf(n))).ToList(),
        0, 0, 0, 0, 0, 0, new Dictionary<int, long>(), approvedOn);
}
