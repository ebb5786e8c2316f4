using Microsoft.AspNetCore.Identity;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.Domain.Accounts;
using WuShe.Domain.Common;

namespace WuShe.App.Accounts;

/// <summary>
/// Operators' account commands, on the app's own configuration (so <c>WuShe__DatabasePath</c> points them at the database):
/// <c>users add &lt;user&gt; --role &lt;role&gt; [--district &lt;code&gt;] [--site &lt;id&gt;] [--sites &lt;ids&gt;] [--name &lt;姓名&gt;] --password-stdin</c>,
/// <c>users reset-password &lt;user&gt; --password-stdin</c>, <c>users disable &lt;user&gt;</c>, <c>users list</c>.
/// Exit 0 on success, 1 when the input is refused (the reason in Chinese on standard error), 2 on a malformed call.
/// </summary>
public static class UsersCommand
{
    public const string Usage = """
        用法：
          WuShe.App users add <用户名> --role <city-admin|city-evaluator|district-officer|street-station|viewer> [--district <区划代码>] [--site <创建点编号>] [--sites <联动点编号,…>] [--name <姓名或单位>] --password-stdin
          WuShe.App users reset-password <用户名> --password-stdin
          WuShe.App users disable <用户名>
          WuShe.App users campaigns <用户名> --campaigns <活动代码,…>   （区民政局账号另参加的创建活动，空为只参加本区所在的活动）
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
        var accounts = app.Services.GetRequiredService<AccountAdministration>();
        try
        {
            var message = call.Verb switch
            {
                "add" => await AddAsync(call, accounts, input),
                "reset-password" => await ResetAsync(call, users, accounts, input),
                "disable" => await DisableAsync(call, users, accounts),
                "campaigns" => await CampaignsAsync(call, users, accounts, app.Services),
                _ => await ListAsync(accounts),
            };
            await output.WriteLineAsync(message);
            return 0;
        }
        catch (Exception e) when (e is Refused or DomainException or NotFoundException)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static async Task<string> AddAsync(Call call, AccountAdministration accounts, TextReader input)
    {
        if (!call.Flags.TryGetValue("role", out var roleName) || !Roles.TryGetValue(roleName, out var role))
            throw new Refused($"--role 须为以下之一：{string.Join("、", Roles.Keys)}。");
        int? siteId = null;
        if (call.Flags.TryGetValue("site", out var siteText))
            siteId = int.TryParse(siteText, out var id) ? id : throw new Refused($"--site：没有编号为 {siteText} 的创建点。");
        var assigned = new List<int>();
        foreach (var text in (call.Flags.GetValueOrDefault("sites") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
            assigned.Add(int.TryParse(text, out var id) ? id : throw new Refused($"--sites：“{text}”不是创建点编号。"));
        var password = await PasswordAsync(call, input);
        var account = new NewAccount(call.User!, call.Flags.GetValueOrDefault("name") ?? "", role, call.Flags.GetValueOrDefault("district"), siteId, assigned);
        var created = await accounts.CreateAsync(SecurityAudit.Operator, account, password);
        return $"已创建 {role.Label()}账号 {created.UserName}（{created.DisplayName}），首次登录须修改密码。";
    }

    private static async Task<string> ResetAsync(Call call, UserManager<UserAccount> users, AccountAdministration accounts, TextReader input)
    {
        var user = await Existing(call, users);
        await accounts.ResetPasswordAsync(SecurityAudit.Operator, user.Id, await PasswordAsync(call, input));
        return $"已重置 {user.UserName} 的密码并解除锁定；其现有登录已失效，下次登录须修改密码。";
    }

    private static async Task<string> DisableAsync(Call call, UserManager<UserAccount> users, AccountAdministration accounts)
    {
        var user = await Existing(call, users);
        await accounts.SetActiveAsync(SecurityAudit.Operator, user.Id, active: false);
        return $"已停用 {user.UserName}，其现有登录已失效。";
    }

    private static async Task<string> CampaignsAsync(Call call, UserManager<UserAccount> users, AccountAdministration accounts, IServiceProvider services)
    {
        var user = await Existing(call, users);
        var codes = (call.Flags.GetValueOrDefault("campaigns") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        await using var db = await services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<WuSheDbContext>>().ForSystemAsync();
        var ids = new List<int>();
        foreach (var code in codes)
            ids.Add(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
                db.Campaigns.Where(c => c.Code == code).Select(c => (int?)c.Id)) ?? throw new Refused($"--campaigns：没有代码为 {code} 的创建活动。"));
        await accounts.SetOtherCampaignsAsync(SecurityAudit.Operator, user.Id, ids);
        return ids.Count == 0 ? $"{user.UserName} 只参加本区所在的创建活动，现有登录已结束。" : $"{user.UserName} 另参加 {string.Join("、", codes)}，现有登录已结束。";
    }

    private static async Task<string> ListAsync(AccountAdministration accounts)
    {
        var rows = (await accounts.ListAsync(SecurityAudit.Operator)).Select(u => string.Join('\t', AccountWorkbook.Columns.Select(c => c.Value(u))));
        return string.Join('\n', rows.Prepend(string.Join('\t', AccountWorkbook.Columns.Select(c => c.Title))));
    }

    private static async Task<UserAccount> Existing(Call call, UserManager<UserAccount> users) =>
        await users.FindByNameAsync(call.User!.Trim()) ?? throw new Refused($"没有用户 {call.User}。");

    private static async Task<string> PasswordAsync(Call call, TextReader input)
    {
        if (!call.PasswordFromStdin) throw new Refused("请用 --password-stdin 从标准输入提供密码（不要写在命令行上）。");
        var password = (await input.ReadLineAsync())?.TrimEnd('\r') ?? "";
        return password.Length == 0 ? throw new Refused("标准输入中没有密码。") : password;
    }

    /// <summary>A parsed call; null when it is malformed. Arguments of the form --Section:Key=value configure the host.</summary>
    private sealed record Call(string Verb, string? User, Dictionary<string, string> Flags, bool PasswordFromStdin, List<string> HostArguments)
    {
        private static readonly string[] ValueFlags = ["role", "district", "site", "sites", "name", "campaigns"];

        public static Call? Parse(string[] args)
        {
            if (args.Length == 0 || args[0] is not ("add" or "reset-password" or "disable" or "list" or "campaigns")) return null;
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
