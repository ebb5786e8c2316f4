using System.Net;
using System.Text.RegularExpressions;
using WuShe.Tests.Support;

namespace WuShe.Tests.Http;

/// <summary>Two-factor (TOTP) in Production, where city administrators must use it: set up, sign in with it, recover with a code.</summary>
public sealed class TwoFactorTests : IAsyncLifetime
{
    private readonly AppFixture _app = new() { Environment = "Production", Settings = { ["WuShe__Https__Require"] = "false" } };

    public Task InitializeAsync() => _app.InitializeAsync();
    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_city_administrator_must_set_up_two_factor_and_then_signs_in_with_a_code_or_a_recovery_code_once()
    {
        var password = await _app.ReadyAccountAsync("chief", "--role", "city-admin");
        using var admin = await _app.SignedInAsync("chief", password);
        Assert.Equal("/account", (await admin.GetAsync("campaign")).RedirectPath());
        var api = await admin.GetAsync("api/campaign");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("请先设置二步验证", await api.Content.ReadAsStringAsync());

        var page = await admin.GetStringAsync("account");
        Assert.Contains("须使用二步验证", page);
        var key = Totp.KeyOn(page);
        Assert.Equal(32, key.Length);
        Assert.Contains("验证码不正确", await (await EnableAsync(admin, "000000")).Content.ReadAsStringAsync());
        var enabled = await (await EnableAsync(admin, Totp.Code(key))).Content.ReadAsStringAsync();
        var codes = Regex.Matches(enabled, "<li>([a-z0-9A-Z-]{8,})</li>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("campaign")).StatusCode);

        using var second = _app.NewClient();
        Assert.Equal("/login/two-factor", (await _app.SignInAsync(second, "chief", password)).RedirectPath());
        Assert.Equal("/login", (await second.GetAsync("campaign")).RedirectPath()); // the password alone is no session
        Assert.Contains("验证码错误", await (await SecondStepAsync(second, "123456")).Content.ReadAsStringAsync());
        Assert.Equal("/", (await SecondStepAsync(second, Totp.Code(key))).RedirectPath());
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("campaign")).StatusCode);

        using var lost = _app.NewClient();
        await _app.SignInAsync(lost, "chief", password);
        Assert.Equal("/", (await SecondStepAsync(lost, codes[0])).RedirectPath());
        using var again = _app.NewClient();
        await _app.SignInAsync(again, "chief", password);
        Assert.Contains("验证码错误", await (await SecondStepAsync(again, codes[0])).Content.ReadAsStringAsync());

        var audit = await second.GetStringAsync("audit?action=启用二步验证");
        Assert.Contains("启用二步验证", audit);
    }

    [Fact]
    public async Task A_viewer_is_not_required_to_use_two_factor_by_default()
    {
        var password = await _app.ReadyAccountAsync("zhan1", "--role", "viewer");
        using var viewer = await _app.SignedInAsync("zhan1", password);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("api/campaign")).StatusCode);
    }

    private static async Task<HttpResponseMessage> EnableAsync(HttpClient client, string code) =>
        await client.PostAsync("account", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "enable",
            ["__RequestVerificationToken"] = await AppFixture.FormTokenAsync(client, "account"),
            ["Enable.Code"] = code,
        }));

    private static async Task<HttpResponseMessage> SecondStepAsync(HttpClient client, string code) =>
        await client.PostAsync("login/two-factor", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "two-factor",
            ["__RequestVerificationToken"] = await AppFixture.FormTokenAsync(client, "login/two-factor"),
            ["Input.Code"] = code,
        }));
}
