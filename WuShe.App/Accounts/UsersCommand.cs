using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.Domain.Accounts;
using WuShe.Domain.Common;

namespace WuShe.App.Accounts;

/// <summary>
/// Operators' account commands, on the app's own configuration (so <c>WuShe__DatabasePath</c> points them at the database):
/// <c>users add &lt;user&gt; --role &lt;role&gt; [--district &lt;code&gt;] [--site &lt;id&gt;] [--name &lt;姓名&gt;] --password-stdin</c>,
/// <c>users reset-password &lt;user&gt; --password-stdin</c>, <c>users disable &lt;user&gt;</c>, <c>users list</c>.
/// Exit 0 on success, 1 when the input is refused (the reason in Chinese on standard error), 2 on a malformed call.
/// </summary>
public static class UsersCommand
{
    public const string Usage = """
        用法：
          WuShe.App users add <用户名> --role <city-admin|city-evaluator|district-officer|street-station|viewer> [--district <区划代码>] [--site <创建点编号>] [--name <姓名或单位>] --password-stdin
          WuShe.App users reset-password <用户名> --password-stdin
          WuShe.App users disable <用户名>
          WuShe.App users list
        密码从标准输入读取（第一行）；由命令设置的密码须在首次登录时修改。
        """;

    public static readonly IReadOnlyDictionary<string, UserRole> Roles = new Dictionary<string, UserRole>
    {
        ["city-admin"] = UserRole.CityAdministrator, ["city-evaluator"] = UserRole.CityEvaluator,
        ["district-officer"] = UserRole.DistrictOfficer, ["street-station"] = UserRole.StreetStation, ["viewer"] = UserRole.Viewer,
    };

    private sealed class Refused(string message) : Exception(message);

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var call = Call.Parse(args.Skip(1).ToArray());
        if (call is null)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        await using var app = WuSheHost.Build(call.HostArguments.Append("--Logging:LogLevel:Default=Warning").ToArray());
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(asCommand: true);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var db = scope.ServiceProvider.GetRequiredService<WuSheDbContext>();
        var audit = app.Services.GetRequiredService<SecurityAudit>();
        try
        {
            var message = call.Verb switch
            {
                "add" => await AddAsync(call, users, db, app.Services.GetRequiredService<IOptions<WuSheOptions>>().Value, input, audit),
                "reset-password" => await ResetAsync(call, users, input, audit),
                "disable" => await DisableAsync(call, users, db, audit),
                _ => await ListAsync(users, db),
            };
            await output.WriteLineAsync(message);
            return 0;
        }
        catch (Exception e) when (e is Refused or DomainException)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static async Task<string> AddAsync(Call call, UserManager<UserAccount> users, WuSheDbContext db, WuSheOptions options, TextReader input,
        SecurityAudit audit)
    {
        if (!call.Flags.TryGetValue("role", out var roleName) || !Roles.TryGetValue(roleName, out var role))
            throw new Refused($"--role 须为以下之一：{string.Join("、", Roles.Keys)}。");
        var campaignId = await db.Campaigns.Where(c => c.Code == options.CurrentCampaign).Select(c => (int?)c.Id).SingleOrDefaultAsync()
            ?? throw new Refused($"没有活动 {options.CurrentCampaign}（WuShe:CurrentCampaign）。");
        int? districtId = null, siteId = null;
        string? boundName = null;
        if (call.Flags.TryGetValue("district", out var code))
        {
            var district = await db.Districts.Where(d => d.CampaignId == campaignId && d.Code == code).Select(d => new { d.Id, d.Name }).SingleOrDefaultAsync()
                ?? throw new Refused($"--district：没有区划代码为 {code} 的区。");
            (districtId, boundName) = (district.Id, $"{district.Name}民政局");
        }
        if (call.Flags.TryGetValue("site", out var siteText))
        {
            var site = (int.TryParse(siteText, out var id) ? await db.Sites.Where(s => s.CampaignId == campaignId && s.Id == id)
                    .Select(s => new { s.Id, s.DistrictId, s.Street }).SingleOrDefaultAsync() : null)
                ?? throw new Refused($"--site：没有编号为 {siteText} 的创建点。");
            if (districtId is not null && districtId != site.DistrictId) throw new Refused("--site：该创建点不在 --district 所指的区。");
            (districtId, siteId, boundName) = (site.DistrictId, site.Id, $"{site.Street}社会工作服务站");
        }
        var name = call.User!.Trim().ToLowerInvariant();
        if (await users.FindByNameAsync(name) is not null) throw new Refused($"用户名 {name} 已存在。");
        var password = await PasswordAsync(call, input);
        var user = new UserAccount(name, call.Flags.GetValueOrDefault("name") ?? boundName ?? role.Label(), new AccountBinding(role, districtId, siteId));
        user.RequirePasswordChange(true);
        Check(await users.CreateAsync(user, password));
        await audit.RecordAsync(user, "创建账号", $"{role.Label()}，首次登录须修改密码", SecurityAudit.Operator);
        return $"已创建 {role.Label()}账号 {name}（{user.DisplayName}），首次登录须修改密码。";
    }

    private static async Task<string> ResetAsync(Call call, UserManager<UserAccount> users, TextReader input, SecurityAudit audit)
    {
        var user = await Existing(call, users);
        var password = await PasswordAsync(call, input);
        Check(await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password));
        user.RequirePasswordChange(true);
        Check(await users.UpdateAsync(user));
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync(user, "重置密码", "已解除锁定，现有登录已结束，下次登录须修改密码", SecurityAudit.Operator);
        return $"已重置 {user.UserName} 的密码并解除锁定；其现有登录已失效，下次登录须修改密码。";
    }

    private static async Task<string> DisableAsync(Call call, UserManager<UserAccount> users, WuSheDbContext db, SecurityAudit audit)
    {
        var user = await Existing(call, users);
        if (user.Role == UserRole.CityAdministrator && user.IsActive
            && await db.UserAccounts.CountAsync(u => u.Role == UserRole.CityAdministrator && u.IsActive) == 1)
            throw new Refused("不能停用最后一个有效的市民政局管理员账号。");
        user.Disable();
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        await audit.RecordAsync(user, "停用账号", "现有登录已结束", SecurityAudit.Operator);
        return $"已停用 {user.UserName}，其现有登录已失效。";
    }

    private static async Task<string> ListAsync(UserManager<UserAccount> users, WuSheDbContext db)
    {
        var districts = await db.Districts.ToDictionaryAsync(d => d.Id, d => d.Name);
        var sites = await db.Sites.ToDictionaryAsync(s => s.Id, s => s.Street);
        var rows = (await users.Users.AsNoTracking().OrderBy(u => u.Role).ThenBy(u => u.UserName).ToListAsync()).Select(u => string.Join('\t',
            u.UserName, u.DisplayName, u.Role.Label(),
            u.SiteId is { } s ? sites.GetValueOrDefault(s, "") : u.DistrictId is { } d ? districts.GetValueOrDefault(d, "") : "全市",
            u.IsActive ? (u.LockoutEnd > DateTimeOffset.UtcNow ? "已锁定" : "有效") : "已停用",
            u.LastSignInAt is { } at ? ChinaTime.ToChina(at).ToString("yyyy-MM-dd HH:mm") : "从未登录"));
        return string.Join('\n', rows.Prepend("用户名\t姓名\t角色\t范围\t状态\t最近登录"));
    }

    private static async Task<UserAccount> Existing(Call call, UserManager<UserAccount> users) =>
        await users.FindByNameAsync(call.User!.Trim()) ?? throw new Refused($"没有用户 {call.User}。");

    private static async Task<string> PasswordAsync(Call call, TextReader input)
    {
        if (!call.PasswordFromStdin) throw new Refused("请用 --password-stdin 从标准输入提供密码（不要写在命令行上）。");
        var password = (await input.ReadLineAsync())?.TrimEnd('\r') ?? "";
        return password.Length == 0 ? throw new Refused("标准输入中没有密码。") : password;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new Refused(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>A parsed call; null when it is malformed. Arguments of the form --Section:Key=value configure the host.</summary>
    private sealed record Call(string Verb, string? User, Dictionary<string, string> Flags, bool PasswordFromStdin, List<string> HostArguments)
    {
        private static readonly string[] ValueFlags = ["role", "district", "site", "name"];

        public static Call? Parse(string[] args)
        {
            if (args.Length == 0 || args[0] is not ("add" or "reset-password" or "disable" or "list")) return null;
            var call = new Call(args[0], null, new(), false, new());
            var positional = new List<string>();
            for (var i = 1; i < args.Length; i++)
            {
                var a = args[i];
                if (a == "--password-stdin") call = call with { PasswordFromStdin = true };
                else if (a.StartsWith("--") && ValueFlags.Contains(a[2..]) && i + 1 < args.Length) call.Flags[a[2..]] = args[++i];
                else if (a.StartsWith("--") && a.Contains(':') && a.Contains('=')) call.HostArguments.Add(a);
                else if (!a.StartsWith("--")) positional.Add(a);
                else return null;
            }
            var needsUser = call.Verb != "list";
            if (positional.Count != (needsUser ? 1 : 0)) return null;
            return call with { User = needsUser ? positional[0] : null };
        }
    }
}
