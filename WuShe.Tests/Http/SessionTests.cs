using System.Net;
using WuShe.Tests.Support;

namespace WuShe.Tests.Http;

/// <summary>Accounts from the operators' command line, and sessions that end when they must — through HTTP.</summary>
[Collection(AppCollection.Name)]
public class SessionTests
{
    private readonly AppFixture _app;

    public SessionTests(AppFixture app) => _app = app;

    [Fact]
    public async Task An_account_added_by_the_command_must_change_its_password_before_reaching_anything()
    {
        var (exit, output, _) = await _app.RunCommandAsync(Accounts.Temporary, "users", "add", "zhao", "--role", "district-officer", "--district", "120101", "--password-stdin");
        Assert.Equal(0, exit);
        Assert.Contains("和平区民政局", output);
        using var client = _app.NewClient();
        Assert.Equal("/account/password", (await _app.SignInAsync(client, "zhao", Accounts.Temporary)).RedirectPath());
        var api = await client.GetAsync("api/districts/120101");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("请先修改初始密码", await api.Content.ReadAsStringAsync());
        Assert.Equal("/account/password", (await client.GetAsync("districts/120101")).RedirectPath());

        Assert.Contains("当前密码不正确", await (await Accounts.ChangePasswordAsync(client, "Wrong@2026x", "Heping#2026ok")).Content.ReadAsStringAsync());
        var weak = await (await Accounts.ChangePasswordAsync(client, Accounts.Temporary, "abcdefgh")).Content.ReadAsStringAsync();
        Assert.Contains("至少三种", weak);
        Assert.Contains("两次输入的新密码不一致", await (await Accounts.ChangePasswordAsync(client, Accounts.Temporary, "Heping#2026ok", "Heping#2026no")).Content.ReadAsStringAsync());
        var changed = await Accounts.ChangePasswordAsync(client, Accounts.Temporary, "Heping#2026ok");
        Assert.Equal("/", changed.RedirectPath());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/districts/120101")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("api/districts/120116")).StatusCode);

        using var again = _app.NewClient();
        Assert.Equal("/", (await _app.SignInAsync(again, "zhao", "Heping#2026ok")).RedirectPath());
    }

    [Fact]
    public async Task Opening_the_account_page_keeps_the_users_other_sessions()
    {
        var password = await _app.ReadyAccountAsync("liu.tabs", "--role", "district-officer", "--district", "120101");
        using var first = await _app.SignedInAsync("liu.tabs", password);
        using var second = await _app.SignedInAsync("liu.tabs", password);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("api/districts/120101")).StatusCode);

        var account = await second.GetAsync("account");                 // first visit: an authenticator key is made to show
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Contains("otpauth://totp/WuShe:liu.tabs", await account.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("api/districts/120101")).StatusCode);   // every request re-checks the account in tests
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("api/districts/120101")).StatusCode);
    }

    [Theory]
    [InlineData(1, "--role", new[] { "users", "add", "qian", "--role", "boss", "--password-stdin" })]
    [InlineData(1, "已存在", new[] { "users", "add", "admin", "--role", "city-admin", "--password-stdin" })]
    [InlineData(1, "没有区划代码", new[] { "users", "add", "qian", "--role", "district-officer", "--district", "999999", "--password-stdin" })]
    [InlineData(1, "必须绑定一个区", new[] { "users", "add", "qian", "--role", "district-officer", "--password-stdin" })]
    [InlineData(1, "不绑定区", new[] { "users", "add", "qian", "--role", "viewer", "--district", "120101", "--password-stdin" })]
    [InlineData(1, "没有编号为", new[] { "users", "add", "qian", "--role", "street-station", "--site", "99999", "--password-stdin" })]
    [InlineData(1, "--password-stdin", new[] { "users", "add", "qian", "--role", "viewer" })]
    [InlineData(1, "最后一个有效的市民政局管理员", new[] { "users", "disable", "admin" })]
    [InlineData(1, "没有用户", new[] { "users", "reset-password", "nobody", "--password-stdin" })]
    [InlineData(2, "用法", new[] { "users", "add" })]
    [InlineData(2, "用法", new[] { "users", "promote", "qian" })]
    public async Task The_command_refuses_bad_input_in_Chinese_with_a_non_zero_exit_and_creates_nothing(int expected, string message, string[] args)
    {
        var (exit, _, error) = await _app.RunCommandAsync(Accounts.Temporary, args);
        Assert.Equal(expected, exit);
        Assert.Contains(message, error);
        var (_, list, _) = await _app.RunCommandAsync(null, "users", "list");
        Assert.DoesNotContain("qian", list);
    }

    [Fact]
    public async Task A_weak_password_is_refused_by_the_command_with_the_rule()
    {
        var (exit, _, error) = await _app.RunCommandAsync("short1", "users", "add", "sun", "--role", "viewer", "--password-stdin");
        Assert.Equal(1, exit);
        Assert.Contains("密码至少 8 位", error);
        Assert.DoesNotContain("Password", error); // Identity's own (English) messages never reach the user
    }

    [Fact]
    public async Task Signing_out_needs_the_token_and_ends_every_session_of_the_account()
    {
        var password = await _app.ReadyAccountAsync("li", "--role", "viewer");
        using var first = await _app.SignedInAsync("li", password);
        using var second = await _app.SignedInAsync("li", password);
        Assert.Equal(HttpStatusCode.OK, await first.ApiStatusAsync());

        var forged = await first.PostAsync("logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await second.ApiStatusAsync());

        var token = await AppFixture.FormTokenAsync(first, "campaign");
        var logout = await first.PostAsync("logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal("/login", logout.RedirectPath());
        Assert.Equal(HttpStatusCode.Unauthorized, await second.ApiStatusAsync());
        Assert.Contains("退出登录", await SecurityEventsAsync("li"));
    }

    [Fact]
    public async Task A_stolen_cookie_stops_working_after_sign_out()
    {
        var password = await _app.ReadyAccountAsync("wu", "--role", "viewer");
        using var owner = await _app.SignedInAsync("wu", password);
        var cookie = _app.CookieHeader(owner);
        using var thief = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = _app.BaseUri };
        thief.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, await thief.ApiStatusAsync());
        var token = await AppFixture.FormTokenAsync(owner, "campaign");
        await owner.PostAsync("logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Unauthorized, await thief.ApiStatusAsync());
    }

    [Fact]
    public async Task A_reset_or_a_disable_ends_open_sessions_and_a_disabled_account_cannot_sign_in()
    {
        var password = await _app.ReadyAccountAsync("zheng", "--role", "viewer");
        using var session = await _app.SignedInAsync("zheng", password);
        Assert.Equal(0, (await _app.RunCommandAsync("Reset#2026x", "users", "reset-password", "zheng", "--password-stdin")).Exit);
        Assert.Equal(HttpStatusCode.Unauthorized, await session.ApiStatusAsync());

        using var afterReset = _app.NewClient();
        Assert.Equal("/account/password", (await _app.SignInAsync(afterReset, "zheng", "Reset#2026x")).RedirectPath());
        Assert.Equal(0, (await _app.RunCommandAsync(null, "users", "disable", "zheng")).Exit);
        Assert.Equal(HttpStatusCode.Unauthorized, await afterReset.ApiStatusAsync());

        using var disabled = _app.NewClient();
        Assert.Contains("已停用", await (await _app.SignInAsync(disabled, "zheng", "Reset#2026x")).Content.ReadAsStringAsync());
        Assert.Contains("用户名或密码错误", await (await _app.SignInAsync(disabled, "zheng", "Wrong#2026x")).Content.ReadAsStringAsync());
        var (_, list, _) = await _app.RunCommandAsync(null, "users", "list");
        Assert.Contains("已停用", list.Split('\n').Single(l => l.StartsWith("zheng\t")));

        var events = await SecurityEventsAsync("zheng");
        foreach (var action in new[] { "创建账号", "修改密码", "登录成功", "重置密码", "停用账号", "登录失败" }) Assert.Contains(action, events);
    }

    /// <summary>The audit log's security events of one account, read from the database the app writes.</summary>
    private async Task<List<string>> SecurityEventsAsync(string userName)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_app.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Action FROM AuditEntries WHERE EntityType = '账号' AND Summary LIKE $name ORDER BY Id";
        command.Parameters.AddWithValue("$name", userName + "（%");
        var actions = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) actions.Add(reader.GetString(0));
        return actions;
    }

    [Fact]
    public async Task An_unknown_user_and_a_wrong_password_get_the_same_page()
    {
        using var client = _app.NewClient();
        var unknown = await (await _app.SignInAsync(client, "nobody-at-all", "Wrong#2026x")).Content.ReadAsStringAsync();
        var wrong = await (await _app.SignInAsync(client, "binhai", "Wrong#2026x")).Content.ReadAsStringAsync();
        string Message(string html) => System.Text.RegularExpressions.Regex.Match(html, "wushe-form-error\" role=\"alert\">([^<]*)<").Groups[1].Value;
        Assert.Equal("用户名或密码错误。", Message(unknown));
        Assert.Equal(Message(unknown), Message(wrong));
    }
}
