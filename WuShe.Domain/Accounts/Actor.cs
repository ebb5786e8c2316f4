namespace WuShe.Domain.Accounts;

/// <summary>Who performs a command: recorded in transitions and audit entries, checked by every guard.</summary>
public sealed record Actor(int UserId, string Name, UserRole Role, int? DistrictId, int? SiteId = null)
{
    public static Actor From(UserAccount user) => new(user.Id, user.DisplayName, user.Role, user.DistrictId, user.SiteId);
}
