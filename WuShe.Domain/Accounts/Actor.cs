namespace WuShe.Domain.Accounts;

/// <summary>Who performs a command: recorded in transitions and audit entries, checked by every guard.</summary>
public sealed record Actor(int UserId, string Name, UserRole Role, int? DistrictId, int? SiteId = null)
{
    public static Actor Of(int userId, string name, AccountBinding binding) => new(userId, name, binding.Role, binding.DistrictId, binding.SiteId);
}
