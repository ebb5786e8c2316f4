using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.Domain.Accounts;
using WuShe.Domain.Common;

namespace WuShe.App.Accounts;

public sealed record AccountRow(int Id, string UserName, string DisplayName, UserRole Role, string Bound, string State, DateTimeOffset? LastSignInAt,
    bool IsActive, bool IsLockedOut)
{
    public string RoleLabel => Role.Label();
}

/// <summary>An account just created: its normalized user name, its name, and the password to hand over.</summary>
public sealed record CreatedAccount(string UserName, string DisplayName, string Password);

/// <summary>用户名、姓名或单位、角色、区划代码 (district officer), 创建点编号 (station).</summary>
public sealed record NewAccount(string UserName, string DisplayName, UserRole Role, string? DistrictCode, int? SiteId);

/// <summary>
/// The city administrator's account commands (also behind the <c>users</c> command): create with a one-time password,
/// reset, disable or enable, unlock. Every change is a security event in the audit log, and every change that should end
/// sessions moves the account's security stamp.
/// </summary>
public class AccountAdministration
{
    private readonly IServiceScopeFactory _scopes;
    private readonly SecurityAudit _audit;
    private readonly WuSheOptions _options;

    public AccountAdministration(IServiceScopeFactory scopes, SecurityAudit audit, IOptions<WuSheOptions> options)
    {
        _scopes = scopes;
        _audit = audit;
        _options = options.Value;
    }

    public async Task<IReadOnlyList<AccountRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        Require(actor);
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WuSheDbContext>();
        var districts = await db.Districts.ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var sites = await db.Sites.ToDictionaryAsync(s => s.Id, s => s.Street, ct);
        var now = DateTimeOffset.UtcNow;
        return (await db.UserAccounts.AsNoTracking().OrderBy(u => u.Role).ThenBy(u => u.UserName).ToListAsync(ct)).Select(u =>
        {
            var locked = u.LockoutEnd > now;
            var bound = u.SiteId is { } s ? $"{districts.GetValueOrDefault(u.DistrictId ?? 0)} · {sites.GetValueOrDefault(s)}"
                : u.DistrictId is { } d ? districts.GetValueOrDefault(d, "") : "全市";
            var state = !u.IsActive ? "已停用" : locked ? "已锁定" : u.MustChangePassword ? "待修改初始密码" : "有效";
            return new AccountRow(u.Id, u.UserName!, u.DisplayName, u.Role, bound, state, u.LastSignInAt, u.IsActive, locked);
        }).ToList();
    }

    /// <summary>Creates the account with the password given, or a generated one-time password to hand over.</summary>
    public async Task<CreatedAccount> CreateAsync(Actor actor, NewAccount input, string? password = null, CancellationToken ct = default)
    {
        Require(actor);
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WuSheDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var errors = new List<FieldError>();
        var name = input.UserName.Trim().ToLowerInvariant();
        if (name.Length is < 2 or > 32 || !name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '.' or '_'))
            errors.Add(new("UserName", "用户名为 2–32 位小写字母、数字或 - . _。"));
        else if (await users.FindByNameAsync(name) is not null) errors.Add(new("UserName", $"用户名 {name} 已存在。"));
        var campaignId = await db.Campaigns.Where(c => c.Code == _options.CurrentCampaign).Select(c => c.Id).SingleAsync(ct);
        var (districtId, siteId, boundName) = await BindingAsync(db, campaignId, input, errors, ct);
        AccountBinding? binding = null;
        if (errors.Count == 0)
        {
            try { binding = new AccountBinding(input.Role, districtId, siteId); }
            catch (DomainException e) { errors.Add(new(input.Role == UserRole.StreetStation ? "SiteId" : "DistrictCode", e.Message)); }
        }
        var displayName = string.IsNullOrWhiteSpace(input.DisplayName) ? boundName ?? input.Role.Label() : input.DisplayName.Trim();
        if (displayName.Length > 100) errors.Add(new("DisplayName", "姓名或单位不超过 100 个字符。"));
        if (errors.Count > 0) throw new FieldValidationException(errors);

        var user = new UserAccount(name, displayName, binding!);
        user.RequirePasswordChange(true);
        password ??= OneTimePassword();
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) throw new FieldValidationException(created.Errors.Select(e => new FieldError("Password", e.Description)).ToList());
        await _audit.RecordAsync(user, "创建账号", $"{user.Role.Label()}，{user.DisplayName}；首次登录须修改密码", actor, ct);
        return new(user.UserName!, user.DisplayName, password);
    }

    /// <summary>Whether a site has an active station account; asked by the site's page, which has read the site in scope.</summary>
    public async Task<bool> StationAccountExistsAsync(int siteId, CancellationToken ct = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WuSheDbContext>().UserAccounts
            .AnyAsync(u => u.SiteId == siteId && u.Role == UserRole.StreetStation && u.IsActive, ct);
    }

    /// <summary>A new one-time password; the account's sessions end, its lock-out is lifted, and it must change the password.</summary>
    public async Task<string> ResetPasswordAsync(Actor actor, int userId, string? password = null, CancellationToken ct = default) =>
        await ChangeAsync(actor, userId, "重置密码", "已解除锁定，现有登录已结束，下次登录须修改密码", async (users, user) =>
        {
            password ??= OneTimePassword();
            Check(await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password));
            user.RequirePasswordChange(true);
            Check(await users.UpdateAsync(user));
            await LiftLockoutAsync(users, user);
            return password;
        }, ct);

    public Task SetActiveAsync(Actor actor, int userId, bool active, CancellationToken ct = default) =>
        ChangeAsync(actor, userId, active ? "启用账号" : "停用账号", active ? "可再次登录" : "现有登录已结束", async (users, user) =>
        {
            if (!active && user.Id == actor.UserId) throw new DomainException("不能停用自己的账号。");
            if (!active && user.Role == UserRole.CityAdministrator && user.IsActive
                && await users.Users.CountAsync(u => u.Role == UserRole.CityAdministrator && u.IsActive, ct) == 1)
                throw new DomainException("不能停用最后一个有效的市民政局管理员账号。");
            if (active) user.Enable(); else user.Disable();
            Check(await users.UpdateAsync(user));
            if (!active) Check(await users.UpdateSecurityStampAsync(user));
            return "";
        }, ct);

    public Task UnlockAsync(Actor actor, int userId, CancellationToken ct = default) =>
        ChangeAsync(actor, userId, "解除锁定", "密码错误次数清零", async (users, user) =>
        {
            await LiftLockoutAsync(users, user);
            return "";
        }, ct);

    private static async Task LiftLockoutAsync(UserManager<UserAccount> users, UserAccount user)
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }

    private async Task<string> ChangeAsync(Actor actor, int userId, string action, string summary,
        Func<UserManager<UserAccount>, UserAccount, Task<string>> change, CancellationToken ct)
    {
        Require(actor);
        await using var scope = _scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new NotFoundException("没有该账号。");
        var result = await change(users, user);
        await _audit.RecordAsync(user, action, summary, actor, ct);
        return result;
    }

    private static async Task<(int? DistrictId, int? SiteId, string? BoundName)> BindingAsync(WuSheDbContext db, int campaignId, NewAccount input,
        List<FieldError> errors, CancellationToken ct)
    {
        int? districtId = null, siteId = null;
        string? boundName = null;
        if (!string.IsNullOrWhiteSpace(input.DistrictCode))
        {
            var district = await db.Districts.Where(d => d.CampaignId == campaignId && d.Code == input.DistrictCode.Trim())
                .Select(d => new { d.Id, d.Name }).SingleOrDefaultAsync(ct);
            if (district is null) errors.Add(new("DistrictCode", $"没有区划代码为 {input.DistrictCode} 的区。"));
            else (districtId, boundName) = (district.Id, $"{district.Name}民政局");
        }
        if (input.SiteId is { } id)
        {
            var site = await db.Sites.Where(s => s.CampaignId == campaignId && s.Id == id).Select(s => new { s.Id, s.DistrictId, s.Street }).SingleOrDefaultAsync(ct);
            if (site is null) errors.Add(new("SiteId", $"没有编号为 {id} 的创建点。"));
            else if (districtId is not null && districtId != site.DistrictId) errors.Add(new("SiteId", "该创建点不在所选的区。"));
            else (districtId, siteId, boundName) = (site.DistrictId, site.Id, $"{site.Street}社会工作服务站");
        }
        return (districtId, siteId, boundName);
    }

    /// <summary>12 characters of four kinds, without look-alikes (0/O, 1/l/I), to read out or hand over once.</summary>
    public static string OneTimePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnpqrstuvwxyz", digits = "23456789", symbols = "#@%+=";
        var all = upper + lower + digits + symbols;
        var chars = new[] { Pick(upper), Pick(lower), Pick(digits), Pick(symbols) }
            .Concat(Enumerable.Range(0, 8).Select(_ => Pick(all))).ToArray();
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
        static char Pick(string from) => from[RandomNumberGenerator.GetInt32(from.Length)];
    }

    private static void Require(Actor actor)
    {
        if (actor.Role != UserRole.CityAdministrator) throw new AccessDeniedException("只有市民政局管理员可以管理账号。");
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new DomainException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
