using WuShe.Domain.Sites;

namespace WuShe.App.Campaigns;

public sealed record CampaignSummary(int Id, string Code, string Name, string DocumentNumber, string Issuer, string Region,
    int TargetStreets, int TargetCommunities, int TargetJointStreets, int TargetJointCommunities);

public sealed record MilestoneView(DateOnly DueDate, decimal RequiredCompletionShare, string Description, string Clause);

public sealed record RequirementView(string Description, string Rule, string Scope, string Period, string AppliesTo, string ClauseText);

public sealed record StandardView(int Number, string Title, string Clause, string Summary, IReadOnlyList<RequirementView> Requirements);

/// <summary>A row of the districts table: 附件1 quota, what the joint sites of 附件2 take of it, and the quota ledger.</summary>
public sealed record DistrictRowView(int Id, string Code, string Name, int StreetQuota, int CommunityQuota,
    int JointSites, int JointCommunities, string JointStreets, LedgerView Ledger, int Version);

/// <summary>名额台账: drafted, submitted, approved, remaining; and the problem with the quota, if any, in numbers.</summary>
public sealed record LedgerView(QuotaCount Drafted, QuotaCount Submitted, QuotaCount Approved, QuotaCount Remaining, string? Problem)
{
    public static LedgerView Of(QuotaLedger l) => new(l.Drafted, l.Submitted, l.Approved, l.Remaining, l.Problem);
}

public sealed record JointSiteView(int SiteId, int Number, string DistrictCode, string DistrictName, string Street,
    IReadOnlyList<string> Communities, string FloorBand, long? FloorFen);

public sealed record CampaignOverview(CampaignSummary Campaign, IReadOnlyList<MilestoneView> Milestones,
    IReadOnlyList<StandardView> Standards, IReadOnlyList<DistrictRowView> Districts, IReadOnlyList<JointSiteView> JointSites)
{
    public int TotalStreetQuota => Districts.Sum(d => d.StreetQuota);
    public int TotalCommunityQuota => Districts.Sum(d => d.CommunityQuota);
    public int TotalJointSites => JointSites.Count;
    public int TotalJointCommunities => JointSites.Sum(j => j.Communities.Count);
    public IReadOnlyList<DistrictRowView> QuotaProblems => Districts.Where(d => d.Ledger.Problem is not null).ToList();
}

public sealed record SiteRowView(int Id, string Street, string Tier, int? JointSiteNumber, string State,
    IReadOnlyList<string> Communities);

public sealed record DistrictDetail(CampaignSummary Campaign, DistrictRowView District, IReadOnlyList<SiteRowView> Sites);

/// <summary>A campaign the user may work in (the shell's picker, the city's campaign list).</summary>
public sealed record CampaignChoice(int Id, string Code, string Name, string DocumentNumber, string Region, int Districts, int Sites, bool IsCurrent);
