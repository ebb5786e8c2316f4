using WuShe.Domain.Accounts;
using WuShe.Domain.Common;
using WuShe.Domain.Sites;

namespace WuShe.Domain.Campaigns;

/// <summary>区划: a district taking part in a campaign, with its 附件1 quota of streets (试点街镇数) and communities (试点社区数).</summary>
public class District
{
    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    /// <summary>GB/T 2260 administrative-division code, e.g. "120101" for 和平区, or a functional zone's campaign-local code (<see cref="DistrictCode"/>).</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int StreetQuota { get; private set; }
    public int CommunityQuota { get; private set; }
    /// <summary>Order in the notice's table.</summary>
    public int SortOrder { get; private set; }
    /// <summary>Bumped by every quota change (optimistic concurrency).</summary>
    public int Version { get; private set; }

    protected District() { }

    public District(int campaignId, string code, string name, int streetQuota, int communityQuota, int sortOrder, ApplicationRules rules)
    {
        if (DistrictCode.Problem(code) is { } problem) throw new DomainException(problem + "。");
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException($"区划代码 {code} 缺少区划名称。");
        CampaignId = campaignId;
        Code = code;
        Name = name.Trim();
        SortOrder = sortOrder;
        SetQuota(streetQuota, communityQuota, rules);
    }

    /// <summary>调整名额: the city changes a district's quota with a reason; never below what is already submitted or approved.</summary>
    public void ChangeQuota(Actor actor, int streets, int communities, string reason, QuotaLedger ledger)
    {
        if (actor.Role != UserRole.CityAdministrator) throw new DomainException("只有市民政局可以调整名额。");
        if (string.IsNullOrWhiteSpace(reason))
            throw new FieldValidationException(new[] { new FieldError("Reason", "调整名额必须填写理由。") });
        if (streets < ledger.Used.Streets || communities < ledger.Used.Communities)
            throw new DomainException($"{Name}已申报和已立项共 {ledger.Used}，名额不能低于此数。");
        SetQuota(streets, communities, ledger.Rules);
        Version++;
    }

    /// <summary>
    /// 修改活动定义: the city's edited definition gives the district a new name, place or quota; a quota never below what
    /// is already submitted or approved (the reason is the definition's, audited with it).
    /// </summary>
    public void Redefine(Actor actor, string name, int streets, int communities, int sortOrder, QuotaLedger ledger)
    {
        if (actor.Role != UserRole.CityAdministrator) throw new DomainException("只有市民政局可以修改活动定义。");
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException($"区划代码 {Code} 缺少区划名称。");
        if (streets < ledger.Used.Streets || communities < ledger.Used.Communities)
            throw new DomainException($"{Name}已申报和已立项共 {ledger.Used}，名额不能低于此数。");
        if (Name == name.Trim() && StreetQuota == streets && CommunityQuota == communities && SortOrder == sortOrder) return;
        Name = name.Trim();
        SortOrder = sortOrder;
        SetQuota(streets, communities, ledger.Rules);
        Version++;
    }

    private void SetQuota(int streets, int communities, ApplicationRules rules)
    {
        if (streets < 0 || communities < 0)
            throw new DomainException($"{Name}的名额不能为负数。");
        var least = rules.MinimumCommunities;
        if (communities < streets * least)
            throw new DomainException($"{Name}的试点社区数 {communities} 少于试点街镇数 {streets} × {least}：每个项目辐射不少于 {least} 个社区（{rules.CommunitiesClause}）。");
        StreetQuota = streets;
        CommunityQuota = communities;
    }
}
