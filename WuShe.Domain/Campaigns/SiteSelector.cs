using WuShe.Domain.Common;
using WuShe.Domain.Sites;

namespace WuShe.Domain.Campaigns;

/// <summary>Which sites a requirement applies to: all, district-level only, or joint sites numbered From–To.</summary>
public sealed record SiteSelector
{
    public SiteSelectorKind Kind { get; init; }
    public int? FromJointNumber { get; init; }
    public int? ToJointNumber { get; init; }

    public static readonly SiteSelector AllSites = new() { Kind = SiteSelectorKind.AllSites };
    public static readonly SiteSelector DistrictLevelSites = new() { Kind = SiteSelectorKind.DistrictLevel };

    public static SiteSelector JointSites(int from, int to)
    {
        if (from < 1 || to < from) throw new DomainException($"市区联合创建点序号范围 {from}—{to} 无效。");
        return new() { Kind = SiteSelectorKind.JointSites, FromJointNumber = from, ToJointNumber = to };
    }

    public bool Matches(SiteTier tier, int? jointSiteNumber) => Kind switch
    {
        SiteSelectorKind.AllSites => true,
        SiteSelectorKind.DistrictLevel => tier == SiteTier.DistrictLevel,
        SiteSelectorKind.JointSites => tier == SiteTier.CityDistrictJoint && jointSiteNumber >= FromJointNumber && jointSiteNumber <= ToJointNumber,
        _ => false,
    };

    /// <summary>"全部创建点", "区级创建点", "市区联合创建点1—5".</summary>
    public string Label => Kind switch
    {
        SiteSelectorKind.AllSites => "全部创建点",
        SiteSelectorKind.DistrictLevel => "区级创建点",
        _ => $"市区联合创建点{FromJointNumber}—{ToJointNumber}",
    };
}

public enum SiteSelectorKind { AllSites, DistrictLevel, JointSites }
