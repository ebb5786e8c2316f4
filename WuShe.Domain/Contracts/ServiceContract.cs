using WuShe.Domain.Accounts;
using WuShe.Domain.Common;

namespace WuShe.Domain.Contracts;

/// <summary>
/// 服务合同: one year's (one term's) government purchase-of-service contract of a site, signed by the district, reviewed
/// (年度考评) at or after its end, and renewed as the next term only as the campaign's <see cref="ContractRules"/> allow.
/// </summary>
public class ServiceContract
{
    public int Id { get; private set; }
    public int SiteId { get; private set; }
    public int DistrictId { get; private set; }
    /// <summary>第几期: 1 for the first contract, 2 for its first renewal, …</summary>
    public int Term { get; private set; }
    /// <summary>承接机构.</summary>
    public string Provider { get; private set; } = "";
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public DateOnly SignedOn { get; private set; }
    public DateOnly? ReviewedOn { get; private set; }
    /// <summary>年度考评: true 合格, false 不合格, null not yet reviewed.</summary>
    public bool? Passed { get; private set; }
    public string ReviewNote { get; private set; } = "";
    public int Version { get; private set; }

    protected ServiceContract() { }

    /// <summary>签订首期合同: the site's first contract, within one term's length.</summary>
    public static ServiceContract SignFirst(Actor actor, int siteId, int districtId, string provider, DateOnly startsOn, DateOnly endsOn,
        DateOnly signedOn, ContractRules rules, IReadOnlyCollection<ServiceContract> existing)
    {
        EnsureOfficerOf(actor, districtId);
        if (existing.Count > 0) throw new DomainException("本创建点已有服务合同，请在最近一期合同考评后续签。");
        return New(siteId, districtId, 1, provider, startsOn, endsOn, signedOn, rules);
    }

    /// <summary>年度考评: recorded once, by the district, on or after the contract began.</summary>
    public void Review(Actor actor, DateOnly on, bool passed, string note)
    {
        EnsureOfficerOf(actor, DistrictId);
        if (Passed is not null) throw new DomainException($"第 {Term} 期合同已于 {ReviewedOn:yyyy-MM-dd} 考评，不能再改。");
        if (on < StartsOn) throw new FieldValidationException([new FieldError("ReviewedOn", $"考评日期不能早于合同开始日 {StartsOn:yyyy-MM-dd}。")]);
        if (string.IsNullOrWhiteSpace(note) || note.Length > 500)
            throw new FieldValidationException([new FieldError("ReviewNote", "请填写考评意见（最多 500 字）。")]);
        (ReviewedOn, Passed, ReviewNote) = (on, passed, note.Trim());
        Version++;
    }

    /// <summary>
    /// 续签: the next term, starting the day after this one ends — refused before a passing review when the rules ask for
    /// one, and past the campaign's whole service period counted from the first contract's start.
    /// </summary>
    public ServiceContract Renew(Actor actor, string provider, DateOnly endsOn, DateOnly signedOn, ContractRules rules, DateOnly firstStart)
    {
        EnsureOfficerOf(actor, DistrictId);
        if (rules.RenewOnlyAfterPassing && Passed != true)
            throw new DomainException(Passed is null
                ? $"第 {Term} 期合同尚未考评：考评合格后方可续签（{rules.Clause}）。"
                : $"第 {Term} 期合同考评不合格，不能续签（{rules.Clause}）。");
        if (endsOn >= firstStart.AddMonths(rules.MaxTotalMonths))
            throw new FieldValidationException([new FieldError("EndsOn",
                $"服务期限自 {firstStart:yyyy-MM-dd} 起最长 {rules.MaxTotalMonths} 个月，续签合同最晚到 {firstStart.AddMonths(rules.MaxTotalMonths).AddDays(-1):yyyy-MM-dd}（{rules.Clause}）。")]);
        return New(SiteId, DistrictId, Term + 1, provider, EndsOn.AddDays(1), endsOn, signedOn, rules);
    }

    private static ServiceContract New(int siteId, int districtId, int term, string provider, DateOnly startsOn, DateOnly endsOn, DateOnly signedOn, ContractRules rules)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(provider) || provider.Length > 100) errors.Add(new("Provider", "请填写承接机构（最多 100 字）。"));
        if (endsOn < startsOn) errors.Add(new("EndsOn", "合同结束日不能早于开始日。"));
        else if (endsOn >= startsOn.AddMonths(rules.TermMonths))
            errors.Add(new("EndsOn", $"每份合同最长 {rules.TermMonths} 个月：自 {startsOn:yyyy-MM-dd} 起最晚到 {startsOn.AddMonths(rules.TermMonths).AddDays(-1):yyyy-MM-dd}（{rules.Clause}）。"));
        if (signedOn > startsOn.AddMonths(1)) errors.Add(new("SignedOn", "签订日期不应晚于合同开始后一个月。"));
        if (errors.Count > 0) throw new FieldValidationException(errors);
        return new ServiceContract
        {
            SiteId = siteId, DistrictId = districtId, Term = term, Provider = provider.Trim(),
            StartsOn = startsOn, EndsOn = endsOn, SignedOn = signedOn,
        };
    }

    private static void EnsureOfficerOf(Actor actor, int districtId)
    {
        if (actor.Role != UserRole.DistrictOfficer || actor.DistrictId != districtId)
            throw new DomainException("服务合同由本区民政局签订、考评和续签。");
    }
}
