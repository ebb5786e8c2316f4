using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.Domain.Accounts;
using WuShe.Domain.Common;
using WuShe.Domain.Sites;

namespace WuShe.App.Accounts;

public sealed record AccountRow(int Id, string UserName, string DisplayName, UserRole Role, string Bound, string State, DateTimeOffset? LastSignInAt,
    bool IsActive, bool IsLockedOut, string? DistrictCode, int? SiteId, IReadOnlyList<int> AssignedSiteIds, string Phone,
    IReadOnlyList<int>? OtherCampaignIds = null)
{
    public string RoleLabel => Role.Label();
    public string LastSignInText => LastSignInAt is { } at ? ChinaTime.ToChina(at).ToString("yyyy-MM-dd HH:mm") : "从未登录";
}

/// <summary>An account just created: its normalized user name, its name, and the password to hand over.</summary>
public sealed record CreatedAccount(string UserName, string DisplayName, string Password);

/// <summary>用户名、姓名或单位、角色、区划代码 (district officer), 创建点编号 (station), 评估的联动点 (evaluator), 手机.</summary>
public sealed record NewAccount(string UserName, string DisplayName, UserRole Role, string? DistrictCode, int? SiteId,
    IReadOnlyList<int>? AssignedSiteIds = null, string? Phone = null)
{
    public AccountTarget Target => new(Role, DistrictCode, SiteId, AssignedSiteIds ?? []);
}

/// <summary>A role and what it binds to, as typed: the district by its code, the site and the evaluator's joint sites by id.</summary>
public sealed record AccountTarget(UserRole Role, string? DistrictCode, int? SiteId, IReadOnlyList<int> AssignedSiteIds);

/// <summary>
/// Account commands (also behind the <c>users</c> command): create with a one-time password (one or, from Excel, many —
/// all or none), change role and binding, reset, disable or enable, unlock. The city administrator manages every account,
/// a district officer the station accounts of their own district (<see cref="AccountBinding.MayBeAdministeredBy"/>).
/// Every change is a security event in the audit log, and every change that should end sessions moves the security stamp.
/// </summary>
public class AccountAdministration
{
    private readonly IServiceScopeFactory _scopes;
    private readonly SecurityAudit _audit;
    private readonly Campaigns.CurrentCampaign _campaign;

    public AccountAdministration(IServiceScopeFactory scopes, SecurityAudit audit, Campaigns.CurrentCampaign campaign)
    {
        _scopes = scopes;
        _audit = audit;
        _campaign = campaign;
    }

    /// <summary>The accounts the actor manages: all for the city administrator, their district's station accounts for a district officer.</summary>
    public async Task<IReadOnlyList<AccountRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        Require(actor);
        await using var scope = _scopes.CreateAsyncScope();
        var db = Db(scope);
        var districts = await db.Districts.ToDictionaryAsync(d => d.Id, d => (d.Code, d.Name), ct);
        var sites = await db.Sites.ToDictionaryAsync(s => s.Id, s => s.Street, ct);
        var now = DateTimeOffset.UtcNow;
        var accounts = db.UserAccounts.AsNoTracking();
        if (actor.Role != UserRole.CityAdministrator)
            accounts = accounts.Where(u => u.Role == UserRole.StreetStation && u.DistrictId == actor.DistrictId);
        return (await accounts.OrderBy(u => u.Role).ThenBy(u => u.UserName).ToListAsync(ct)).Select(u =>
        {
            var locked = u.LockoutEnd > now;
            var district = u.DistrictId is { } d ? districts.GetValueOrDefault(d) : default;
            var bound = u.SiteId is { } s ? $"{district.Name} · {sites.GetValueOrDefault(s)}"
                : u.DistrictId is not null ? (district.Name ?? "") + (u.OtherCampaignIds.Count > 0 ? $"（另参加 {u.OtherCampaignIds.Count} 个创建活动）" : "")
                : u.AssignedSiteIds.Count > 0 ? "评估：" + string.Join("、", u.AssignedSiteIds.Select(id => sites.GetValueOrDefault(id, $"#{id}")))
                : "全市";
            var state = !u.IsActive ? "已停用" : locked ? "已锁定" : u.MustChangePassword ? "待修改初始密码" : "有效";
            return new AccountRow(u.Id, u.UserName!, u.DisplayName, u.Role, bound, state, u.LastSignInAt, u.IsActive, locked,
                district.Code, u.SiteId, u.AssignedSiteIds, u.PhoneNumber ?? "", u.OtherCampaignIds);
        }).ToList();
    }

    /// <summary>Creates the account with the password given, or a generated one-time password to hand over.</summary>
    public async Task<CreatedAccount> CreateAsync(Actor actor, NewAccount input, string? password = null, CancellationToken ct = default)
    {
        var created = await CreateManyAsync(actor, [input], password, ct);
        return created[0];
    }

    /// <summary>
    /// Creates every account or none (bulk creation from Excel): each refusal is a <see cref="FieldError"/> whose field is
    /// prefixed by its 1-based position ("3.UserName") when there is more than one account.
    /// </summary>
    public async Task<IReadOnlyList<CreatedAccount>> CreateManyAsync(Actor actor, IReadOnlyList<NewAccount> inputs, string? password = null,
        CancellationToken ct = default)
    {
        Require(actor);
        await using var scope = _scopes.CreateAsyncScope();
        var db = Db(scope);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var errors = new List<FieldError>();
        var ready = new List<(UserAccount User, string Password)>();
        var names = new HashSet<string>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var prefix = inputs.Count > 1 ? $"{i + 1}." : "";
            var rowErrors = new List<FieldError>();
            var input = inputs[i];
            var name = input.UserName.Trim().ToLowerInvariant();
            if (name.Length is < 2 or > 32 || !name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '.' or '_'))
                rowErrors.Add(new("UserName", "用户名为 2–32 位小写字母、数字或 - . _。"));
            else if (!names.Add(name)) rowErrors.Add(new("UserName", $"用户名 {name} 在本次导入中重复。"));
            else if (await users.FindByNameAsync(name) is not null) rowErrors.Add(new("UserName", $"用户名 {name} 已存在。"));
            var (binding, boundName) = await BindingAsync(db, actor, input.Target, rowErrors, ct);
            var displayName = string.IsNullOrWhiteSpace(input.DisplayName) ? boundName ?? input.Role.Label() : input.DisplayName.Trim();
            if (displayName.Length > 100) rowErrors.Add(new("DisplayName", "姓名或单位不超过 100 个字符。"));
            var phone = (input.Phone ?? "").Trim();
            if (phone.Length > 0 && (phone.Length > 20 || !phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ')))
                rowErrors.Add(new("Phone", "手机号只能包含数字、空格、+ 和 -，不超过 20 位。"));
            if (rowErrors.Count == 0 && binding is not null)
            {
                var user = new UserAccount(name, displayName, binding) { PhoneNumber = phone.Length > 0 ? phone : null };
                user.RequirePasswordChange(true);
                ready.Add((user, password ?? OneTimePassword(name)));
            }
            errors.AddRange(rowErrors.Select(e => e with { Field = prefix + e.Field }));
        }
        if (errors.Count > 0) throw new FieldValidationException(errors);

        // Identity checks the password as it creates; the first refusal rolls every account of this call back.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        for (var i = 0; i < ready.Count; i++)
        {
            var created = await users.CreateAsync(ready[i].User, ready[i].Password);
            if (!created.Succeeded)
                throw new FieldValidationException(created.Errors.Select(e => new FieldError((inputs.Count > 1 ? $"{i + 1}." : "") + "Password", e.Description)).ToList());
        }
        await tx.CommitAsync(ct);
        foreach (var (user, _) in ready)
            await _audit.RecordAsync(user, "创建账号", $"{user.Role.Label()}，{user.DisplayName}；首次登录须修改密码", actor, ct);
        return ready.Select(r => new CreatedAccount(r.User.UserName!, r.User.DisplayName, r.Password)).ToList();
    }

    /// <summary>A new role or binding (district, site, assigned joint sites): every session of the account ends.</summary>
    public Task ChangeBindingAsync(Actor actor, int userId, AccountTarget target, CancellationToken ct = default) =>
        ChangeAsync(actor, userId, "变更角色或范围", null, async (db, users, user) =>
        {
            var errors = new List<FieldError>();
            var (binding, _) = await BindingAsync(db, actor, target, errors, ct);
            if (errors.Count > 0) throw new FieldValidationException(errors);
            if (user.Id == actor.UserId && binding!.Role != user.Role) throw new DomainException("不能变更自己账号的角色。");
            if (binding!.Role != UserRole.CityAdministrator && await IsLastAdministratorAsync(users, user, ct))
                throw new DomainException("不能变更最后一个有效的市民政局管理员账号的角色。");
            var before = await DescribeAsync(db, user.Binding, ct);
            user.Bind(binding!);
            Check(await users.UpdateAsync(user));
            Check(await users.UpdateSecurityStampAsync(user));
            return $"{before} → {await DescribeAsync(db, user.Binding, ct)}；现有登录已结束";
        }, ct);

    /// <summary>
    /// 参加的其他创建活动: a district officer also works in these campaigns, as the district of the same code there; every
    /// session ends so the new choice of campaigns takes effect. City administrator only.
    /// </summary>
    public Task SetOtherCampaignsAsync(Actor actor, int userId, IReadOnlyList<int> campaignIds, CancellationToken ct = default) =>
        ChangeAsync(actor, userId, "调整参加的创建活动", null, async (db, users, user) =>
        {
            if (actor.Role != UserRole.CityAdministrator) throw new NotFoundException("没有该账号，或它不由您管理。");
            if (user.Role != UserRole.DistrictOfficer || user.DistrictId is not { } districtId)
                throw new DomainException("只有区民政局账号可以参加多个创建活动。");
            var home = await db.Districts.SingleAsync(d => d.Id == districtId, ct);
            var others = campaignIds.Where(id => id != home.CampaignId).Distinct().ToList();
            var names = new List<string>();
            foreach (var id in others)
            {
                var campaign = await db.Campaigns.Where(c => c.Id == id).Select(c => c.Name).SingleOrDefaultAsync(ct)
                    ?? throw new NotFoundException("没有找到该创建活动。");
                if (!await db.Districts.AnyAsync(d => d.CampaignId == id && d.Code == home.Code, ct))
                    throw new DomainException($"“{campaign}”中没有区划代码为 {home.Code} 的区（{home.Name}），不能加入。");
                names.Add(campaign);
            }
            user.SetOtherCampaigns(others);
            Check(await users.UpdateAsync(user));
            Check(await users.UpdateSecurityStampAsync(user));
            return (names.Count == 0 ? "只参加本区所在的创建活动" : "另参加：" + string.Join("、", names)) + "；现有登录已结束";
        }, ct);

    /// <summary>Whether a site has an active station account; asked by the site's page, which has read the site in scope.</summary>
    public async Task<bool> StationAccountExistsAsync(int siteId, CancellationToken ct = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        return await Db(scope).UserAccounts.AnyAsync(u => u.SiteId == siteId && u.Role == UserRole.StreetStation && u.IsActive, ct);
    }

    /// <summary>A new one-time password; the account's sessions end, its lock-out is lifted, and it must change the password.</summary>
    public async Task<string> ResetPasswordAsync(Actor actor, int userId, string? password = null, CancellationToken ct = default) =>
        await ChangeAsync(actor, userId, "重置密码", "已解除锁定，现有登录已结束，下次登录须修改密码", async (_, users, user) =>
        {
            password ??= OneTimePassword(user.UserName!);
            Check(await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password));
            user.RequirePasswordChange(true);
            Check(await users.UpdateAsync(user));
            await LiftLockoutAsync(users, user);
            return password;
        }, ct);

    public Task SetActiveAsync(Actor actor, int userId, bool active, CancellationToken ct = default) =>
        ChangeAsync(actor, userId, active ? "启用账号" : "停用账号", active ? "可再次登录" : "现有登录已结束", async (_, users, user) =>
        {
            if (!active && user.Id == actor.UserId) throw new DomainException("不能停用自己的账号。");
            if (!active && await IsLastAdministratorAsync(users, user, ct)) throw new DomainException("不能停用最后一个有效的市民政局管理员账号。");
            if (active) user.Enable(); else user.Disable();
            Check(await users.UpdateAsync(user));
            if (!active) Check(await users.UpdateSecurityStampAsync(user));
            return "";
        }, ct);

    public Task UnlockAsync(Actor actor, int userId, CancellationToken ct = default) =>
        ChangeAsync(actor, userId, "解除锁定", "密码错误次数清零", async (_, users, user) =>
        {
            await LiftLockoutAsync(users, user);
            return "";
        }, ct);

    private static async Task<bool> IsLastAdministratorAsync(UserManager<UserAccount> users, UserAccount user, CancellationToken ct) =>
        user.Role == UserRole.CityAdministrator && user.IsActive
        && await users.Users.CountAsync(u => u.Role == UserRole.CityAdministrator && u.IsActive, ct) == 1;

    private static async Task LiftLockoutAsync(UserManager<UserAccount> users, UserAccount user)
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }

    /// <summary>One account command: an account the actor does not manage answers as a missing one; the audit gets the summary (or the command's result).</summary>
    private async Task<string> ChangeAsync(Actor actor, int userId, string action, string? summary,
        Func<WuSheDbContext, UserManager<UserAccount>, UserAccount, Task<string>> change, CancellationToken ct)
    {
        Require(actor);
        await using var scope = _scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || !user.Binding.MayBeAdministeredBy(actor)) throw new NotFoundException("没有该账号，或它不由您管理。");
        var result = await change(Db(scope), users, user);
        await _audit.RecordAsync(user, action, summary ?? result, actor, ct);
        return result;
    }

    /// <summary>Resolves what was typed into a binding the actor may give, or adds the errors at their fields.</summary>
    private async Task<(AccountBinding? Binding, string? BoundName)> BindingAsync(WuSheDbContext db, Actor actor, AccountTarget input,
        List<FieldError> errors, CancellationToken ct)
    {
        var campaignId = await _campaign.In(db).Select(c => c.Id).SingleAsync(ct);
        var before = errors.Count;
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
            else if (districtId is not null && districtId != site.DistrictId) errors.Add(new("SiteId", "该创建点不在所填的区。"));
            else (districtId, siteId, boundName) = (site.DistrictId, site.Id, $"{site.Street}社会工作服务站");
        }
        if (input.Role == UserRole.CityEvaluator && input.AssignedSiteIds.Count > 0)
        {
            var joint = await db.Sites.Where(s => s.CampaignId == campaignId && s.Tier == SiteTier.CityDistrictJoint && input.AssignedSiteIds.Contains(s.Id))
                .Select(s => s.Id).ToListAsync(ct);
            var wrong = input.AssignedSiteIds.Except(joint).ToList();
            if (wrong.Count > 0) errors.Add(new("AssignedSiteIds", $"编号 {string.Join("、", wrong)} 不是市区联动创建点。"));
        }
        if (errors.Count > before) return (null, null);
        AccountBinding binding;
        try
        {
            binding = new AccountBinding(input.Role, districtId, siteId, input.AssignedSiteIds);
        }
        catch (DomainException e)
        {
            errors.Add(new(input.Role == UserRole.StreetStation ? "SiteId" : input.Role == UserRole.DistrictOfficer ? "DistrictCode" : "Role", e.Message));
            return (null, null);
        }
        if (binding.MayBeAdministeredBy(actor)) return (binding, boundName);
        // A district officer's own rule: stations of the district only; another district's site answers like a missing one.
        errors.Add(binding.Role == UserRole.StreetStation ? new("SiteId", $"没有编号为 {siteId} 的创建点在本区。")
            : new("Role", "区民政局只能管理本区创建点的街镇社会工作服务站账号。"));
        return (null, null);
    }

    private static async Task<string> DescribeAsync(WuSheDbContext db, AccountBinding b, CancellationToken ct)
    {
        var where = b.SiteId is { } s ? await db.Sites.Where(x => x.Id == s).Select(x => x.Street).SingleOrDefaultAsync(ct)
            : b.DistrictId is { } d ? await db.Districts.Where(x => x.Id == d).Select(x => x.Name).SingleOrDefaultAsync(ct)
            : b.AssignedSiteIds.Count > 0 ? "评估联动点 " + string.Join("、", b.AssignedSiteIds)
            : null;
        return where is null ? b.Role.Label() : $"{b.Role.Label()}（{where}）";
    }

    /// <summary>12 characters of four kinds, without look-alikes (0/O, 1/l/I), never containing the user name, to hand over once.</summary>
    public static string OneTimePassword(string userName)
    {
        string password;
        do password = OneTimePassword();
        while (userName.Length > 0 && password.Contains(userName, StringComparison.OrdinalIgnoreCase));
        return password;
    }

    private static string OneTimePassword()
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
        if (!AccountBinding.AdministersAccounts(actor.Role)) throw new AccessDeniedException("您的角色不能管理账号。");
    }

    private static WuSheDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<WuSheDbContext>().ReadAs(UserScope.System);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new DomainException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
