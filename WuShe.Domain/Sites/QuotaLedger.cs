using WuShe.Domain.Campaigns;
using WuShe.Domain.Common;

namespace WuShe.Domain.Sites;

public readonly record struct QuotaCount(int Streets, int Communities)
{
    public static QuotaCount operator +(QuotaCount a, QuotaCount b) => new(a.Streets + b.Streets, a.Communities + b.Communities);
    public static QuotaCount operator -(QuotaCount a, QuotaCount b) => new(a.Streets - b.Streets, a.Communities - b.Communities);
    public override string ToString() => $"{Streets} 个街镇、{Communities} 个社区";
}

/// <summary>A site as the ledger counts it.</summary>
public sealed record SiteQuotaLine(int SiteId, SiteState State, int Communities);

/// <summary>
/// 名额台账 of one district: quota (附件1), drafted, submitted, approved, remaining — and whether what remains can
/// still be used, since every further street needs the campaign's minimum of communities (Tianjin: 2, 三（二）).
/// Drafts and returned applications do not use quota; submitted and approved ones do.
/// </summary>
public sealed class QuotaLedger
{
    public QuotaCount Quota { get; }
    public QuotaCount Drafted { get; }
    public QuotaCount Submitted { get; }
    public QuotaCount Approved { get; }
    public QuotaCount Used => Submitted + Approved;
    public QuotaCount Remaining => Quota - Used;
    /// <summary>The campaign's 申报条件 the ledger counts by (communities per street).</summary>
    public ApplicationRules Rules { get; }
    private readonly IReadOnlyList<SiteQuotaLine> _sites;

    private QuotaLedger(QuotaCount quota, IReadOnlyList<SiteQuotaLine> sites, ApplicationRules rules)
    {
        Quota = quota;
        Rules = rules;
        _sites = sites;
        Drafted = Sum(sites.Where(s => s.State is SiteState.Draft or SiteState.Returned));
        Submitted = Sum(sites.Where(s => s.State == SiteState.Submitted));
        Approved = Sum(sites.Where(s => UsesQuotaAsApproved(s.State)));
    }

    public static QuotaLedger For(int streetQuota, int communityQuota, IEnumerable<SiteQuotaLine> sites, ApplicationRules rules) =>
        new(new QuotaCount(streetQuota, communityQuota), sites.ToList(), rules);

    public static bool UsesQuotaAsApproved(SiteState state) =>
        state is not (SiteState.Draft or SiteState.Returned or SiteState.Submitted);

    /// <summary>Over-use, or remaining communities too few to give each remaining street 2; null when the quota works.</summary>
    public string? Problem
    {
        get
        {
            var r = Remaining;
            if (r.Streets < 0 || r.Communities < 0)
                return $"名额超用：已用 {Used}，名额 {Quota}。";
            var needed = r.Streets * Rules.MinimumCommunities;
            if (r.Communities < needed)
                return $"名额无法用足：剩余 {r.Streets} 个街镇名额至少需要 {needed} 个社区（每个项目辐射不少于 {Rules.MinimumCommunities} 个社区，{Rules.CommunitiesClause}），" +
                       $"但只剩 {r.Communities} 个社区名额，缺 {needed - r.Communities} 个。";
            return null;
        }
    }

    /// <summary>The submit guard: refuses a site that would take the district beyond its quota, naming the numbers.</summary>
    public void EnsureRoomFor(int siteId, int communities)
    {
        var others = Sum(_sites.Where(s => s.SiteId != siteId && s.State is not (SiteState.Draft or SiteState.Returned)));
        var after = others + new QuotaCount(1, communities);
        if (after.Streets <= Quota.Streets && after.Communities <= Quota.Communities) return;
        var left = Quota - others;
        throw new DomainException(
            $"超出本区名额：提交后本区将使用 {after}，而名额为 {Quota}" +
            $"（已立项 {Approved}，已申报 {Submitted}，本次 1 个街镇、{communities} 个社区）。" +
            $"目前剩余 {Math.Max(0, left.Streets)} 个街镇、{Math.Max(0, left.Communities)} 个社区名额。");
    }

    private static QuotaCount Sum(IEnumerable<SiteQuotaLine> lines) =>
        lines.Aggregate(new QuotaCount(0, 0), (sum, s) => sum + new QuotaCount(1, s.Communities));
}
