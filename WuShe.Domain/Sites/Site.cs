using WuShe.Domain.Common;

namespace WuShe.Domain.Sites;

/// <summary>创建点: a street or town (街镇) running the project through its social work station, with its covered communities.</summary>
public class Site
{
    /// <summary>项目辐射不少于2个社区（三（二））.</summary>
    public const int MinimumCommunities = 2;

    private readonly List<Community> _communities = new();

    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public int DistrictId { get; private set; }
    /// <summary>街镇 name, e.g. "南市街道".</summary>
    public string Street { get; private set; } = "";
    public SiteTier Tier { get; private set; }
    /// <summary>附件2 序号 (1–11 in Tianjin) for a joint site; null for a district-level site.</summary>
    public int? JointSiteNumber { get; private set; }
    public SiteState State { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyList<Community> Communities => _communities;

    protected Site() { }

    private Site(int campaignId, int districtId, string street, SiteTier tier, int? jointSiteNumber,
        SiteState state, IEnumerable<string> communityNames, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(street)) throw new DomainException("请填写街镇名称。");
        CampaignId = campaignId;
        DistrictId = districtId;
        Street = street.Trim();
        Tier = tier;
        JointSiteNumber = jointSiteNumber;
        State = state;
        CreatedAt = now;
        SetCommunities(communityNames);
    }

    /// <summary>
    /// The city designates a 市区联合创建点 (附件2); it needs no application and starts as 已立项 (SPEC §4).
    /// </summary>
    public static Site DesignateJointSite(int campaignId, int districtId, int jointSiteNumber, string street,
        IEnumerable<string> communityNames, DateTimeOffset now)
    {
        if (jointSiteNumber < 1) throw new DomainException($"联合创建点序号 {jointSiteNumber} 无效，应从 1 开始。");
        return new Site(campaignId, districtId, street, SiteTier.CityDistrictJoint, jointSiteNumber,
            SiteState.Approved, communityNames, now);
    }

    private void SetCommunities(IEnumerable<string> names)
    {
        var list = names.Select(n => n?.Trim() ?? "").ToList();
        if (list.Any(string.IsNullOrEmpty)) throw new DomainException($"{Street}：社区名称不能为空。");
        var duplicate = list.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new DomainException($"{Street}：社区“{duplicate.Key}”重复。");
        if (list.Count < MinimumCommunities)
            throw new DomainException($"{Street}：项目辐射不少于 {MinimumCommunities} 个社区（三（二）），现有 {list.Count} 个。");
        _communities.Clear();
        _communities.AddRange(list.Select((name, i) => new Community(name, i + 1)));
    }
}
