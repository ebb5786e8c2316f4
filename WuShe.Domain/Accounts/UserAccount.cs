using WuShe.Domain.Common;

namespace WuShe.Domain.Accounts;

/// <summary>A person who signs in, bound to the scope of their role: a district for 区民政局, a site for a station.</summary>
public class UserAccount
{
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public int Id { get; private set; }
    public string UserName { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public UserRole Role { get; private set; }
    public int? DistrictId { get; private set; }
    public int? SiteId { get; private set; }
    public string PasswordHash { get; private set; } = "";
    public int FailedSignIns { get; private set; }
    public DateTimeOffset? LockedOutUntil { get; private set; }
    public DateTimeOffset? LastSignInAt { get; private set; }
    public bool IsActive { get; private set; } = true;

    protected UserAccount() { }

    public UserAccount(string userName, string displayName, UserRole role, int? districtId, int? siteId)
    {
        if (string.IsNullOrWhiteSpace(userName)) throw new DomainException("请填写用户名。");
        if (string.IsNullOrWhiteSpace(displayName)) throw new DomainException("请填写姓名或单位。");
        switch (role)
        {
            case UserRole.DistrictOfficer when districtId is null || siteId is not null:
                throw new DomainException("区民政局账号必须绑定一个区，且不绑定创建点。");
            case UserRole.StreetStation when siteId is null || districtId is null:
                throw new DomainException("街镇社会工作服务站账号必须绑定一个创建点及其所在区。");
            case UserRole.CityAdministrator or UserRole.CityEvaluator or UserRole.Viewer when districtId is not null || siteId is not null:
                throw new DomainException($"{role.Label()}账号不绑定区或创建点。");
        }
        UserName = userName.Trim().ToLowerInvariant();
        DisplayName = displayName.Trim();
        Role = role;
        DistrictId = districtId;
        SiteId = siteId;
    }

    public UserScope Scope => new(Role, DistrictId, SiteId);

    public void SetPasswordHash(string hash) =>
        PasswordHash = string.IsNullOrEmpty(hash) ? throw new DomainException("密码不能为空。") : hash;

    public bool IsLockedOut(DateTimeOffset now) => LockedOutUntil is { } until && until > now;

    /// <summary>After <see cref="MaxFailedSignIns"/> wrong passwords in a row the account is locked for <see cref="LockoutDuration"/>.</summary>
    public void RecordFailedSignIn(DateTimeOffset now)
    {
        if (IsLockedOut(now)) return;
        FailedSignIns++;
        if (FailedSignIns >= MaxFailedSignIns)
        {
            LockedOutUntil = now + LockoutDuration;
            FailedSignIns = 0;
        }
    }

    public void RecordSignIn(DateTimeOffset now)
    {
        if (IsLockedOut(now)) throw new DomainException("账号已锁定，请稍后再试。");
        if (!IsActive) throw new DomainException("账号已停用。");
        FailedSignIns = 0;
        LockedOutUntil = null;
        LastSignInAt = now;
    }

    public void Deactivate() => IsActive = false;
}
