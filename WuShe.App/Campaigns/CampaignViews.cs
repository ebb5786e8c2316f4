namespace WuShe.App.Campaigns;

public sealed record CampaignSummary(int Id, string Code, string Name, string DocumentNumber, string Issuer, string Region,
    int TargetStreets, int TargetCommunities, int TargetJointStreets, int TargetJointCommunities);

public sealed record MilestoneView(DateOnly DueDate, decimal RequiredCompletionShare, string Description, string Clause);

public sealed record RequirementView(string Description, string Rule, string Scope, string Period, string AppliesTo, string ClauseText);

public sealed record StandardView(int Number, string Title, string Clause, string Summary, IReadOnlyList<RequirementView> Requirements);

/// <summary>A row of the districts table: 附件1 quota and what the joint sites of 附件2 take of it.</summary>
public sealed record DistrictRowView(int Id, string Code, string Name, int StreetQuota, int CommunityQuota,
    int JointSites, int JointCommunities, string JointStreets);

public sealed record JointSiteView(int SiteId, int Number, string DistrictCode, string DistrictName, string Street,
    IReadOnlyList<string> Communities, string FloorBand, long? FloorFen);

public sealed record CampaignOverview(CampaignSummary Campaign, IReadOnlyList<MilestoneView> Milestones,
    IReadOnlyList<StandardView> Standards, IReadOnlyList<DistrictRowView> Districts, IReadOnlyList<JointSiteView> JointSites)
{
    public int TotalStreetQuota => Districts.Sum(d => d.StreetQuota);
    public int TotalCommunityQuota => Districts.Sum(d => d.CommunityQuota);
    public int TotalJointSites => JointSites.Count;
    public int TotalJointCommunities => JointSites.Sum(j => j.Communities.Count);
}

public sealed record SiteRowView(int Id, string Street, string Tier, int? JointSiteNumber, string State,
    IReadOnlyList<string> Communities);

public sealed record DistrictDetail(CampaignSummary Campaign, DistrictRowView District, IReadOnlyList<SiteRowView> Sites);
