using Microsoft.AspNetCore.Identity;
using WuShe.Domain.Accounts;

namespace WuShe.App.Accounts;

/// <summary>
/// A person who signs in: an ASP.NET Core Identity user (password hash, lock-out, security stamp, two-factor) with the
/// policy's binding (<see cref="AccountBinding"/>: role, district, site) and the account's own state.
/// </summary>
public class UserAccount : IdentityUser<int>
{
    public string DisplayName { get; private set; } = "";
    public UserRole Role { get; private set; }
    public int? DistrictId { get; private set; }
    public int? SiteId { get; private set; }
    /// <summary>评估分工: the joint sites a city evaluator is assigned to.</summary>
    public List<int> AssignedSiteIds { get; private set; } = [];
    /// <summary>停用: a disabled account cannot sign in and its sessions end.</summary>
    public bool IsActive { get; private set; } = true;
    /// <summary>A password set by someone else (the first administrator's, a reset) must be replaced at the next sign-in.</summary>
    public bool MustChangePassword { get; private set; }
    public DateTimeOffset? LastSignInAt { get; private set; }
    /// <summary>
    /// 参加的其他创建活动: further campaigns a district officer works in, for the same district (by its code) — a bureau
    /// whose district takes part in a second campaign keeps one account. Empty for every other role.
    /// </summary>
    public List<int> OtherCampaignIds { get; private set; } = [];
    /// <summary>The campaign a city account last chose to work in (remembered across sign-ins); null: the default one.</summary>
    public int? CurrentCampaignId { get; private set; }

    protected UserAccount() { }

    public UserAccount(string userName, string displayName, AccountBinding binding)
    {
        if (string.IsNullOrWhiteSpace(userName)) throw new Domain.Common.DomainException("请填写用户名。");
        if (string.IsNullOrWhiteSpace(displayName)) throw new Domain.Common.DomainException("请填写姓名或单位。");
        UserName = userName.Trim().ToLowerInvariant();
        DisplayName = displayName.Trim();
        Bind(binding);
        LockoutEnabled = true;
    }

    public AccountBinding Binding => new(Role, DistrictId, SiteId, AssignedSiteIds);
    public UserScope Scope => Binding.Scope;
    public Actor Actor => Actor.Of(Id, DisplayName, Binding);

    public void Bind(AccountBinding binding) =>
        (Role, DistrictId, SiteId, AssignedSiteIds) = (binding.Role, binding.DistrictId, binding.SiteId, binding.AssignedSiteIds.ToList());
    public void RequirePasswordChange(bool required) => MustChangePassword = required;
    public void Disable() => IsActive = false;
    public void Enable() => IsActive = true;
    public void RecordSignIn(DateTimeOffset now) => LastSignInAt = now;
    public void ChooseCampaign(int campaignId) => CurrentCampaignId = campaignId;

    public void SetOtherCampaigns(IEnumerable<int> campaignIds)
    {
        if (Role != UserRole.DistrictOfficer) throw new Domain.Common.DomainException("只有区民政局账号可以参加多个创建活动。");
        OtherCampaignIds = campaignIds.Distinct().Order().ToList();
    }
}
