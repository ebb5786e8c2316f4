using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WuShe.App.Hosting;
using WuShe.Tests.Support;

namespace WuShe.Tests.Http;

/// <summary>Response headers, and the read-only viewer refused every state change the API offers.</summary>
[Collection(AppCollection.Name)]
public class SecurityTests
{
    private readonly AppFixture _app;

    public SecurityTests(AppFixture app) => _app = app;

    [Fact]
    public async Task Pages_and_data_carry_the_safety_headers()
    {
        using var admin = await _app.SignedInClientAsync("admin");
        var page = await admin.GetAsync("campaign");
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("script-src 'self';", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single());
        foreach (var data in new[] { "api/campaign", "export/districts.xlsx" })
        {
            var response = await admin.GetAsync(data);
            Assert.True(response.Headers.CacheControl?.NoStore == true, data);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    /// <summary>Every state-changing API endpoint the app maps (ids need not exist: the refusal comes first).</summary>
    public static readonly TheoryData<string, string> StateChanges = new()
    {
        { "POST", "api/alerts/1/acknowledge" }, { "POST", "api/alerts/acknowledge" }, { "POST", "api/jobs/AlertScan/run" }, { "POST", "api/reports/batches" },
        { "POST", "api/progress/import" }, { "POST", "api/sites/1/submit" }, { "POST", "api/sites/1/return" },
        { "POST", "api/sites/1/approve" }, { "POST", "api/sites/1/start" }, { "POST", "api/applications" },
        { "PUT", "api/applications/1" }, { "POST", "api/sites/1/reports/2024/5" }, { "PUT", "api/reports/1" },
        { "POST", "api/reports/1/submit" }, { "POST", "api/reports/1/return" }, { "POST", "api/reports/1/evidence" },
    };

    [Theory]
    [MemberData(nameof(StateChanges))]
    public async Task The_viewer_is_refused_every_state_change_and_nothing_changes(string method, string path)
    {
        using var admin = await _app.SignedInClientAsync("admin");
        var before = await admin.GetStringAsync("api/sites");
        using var viewer = await _app.SignedInClientAsync("viewer");
        var response = await viewer.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new StringContent("{\"version\":1,\"reason\":\"x\",\"note\":\"x\"}", Encoding.UTF8, "application/json"),
        });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("只读账号不能修改任何数据", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await admin.GetStringAsync("api/sites"));
    }

    [Theory]
    [InlineData("PUT", "api/applications/99999")]
    [InlineData("POST", "api/sites/99999/submit")]
    [InlineData("POST", "api/reports/1/evidence")]
    [InlineData("POST", "api/progress/import")]
    [InlineData("POST", "api/alerts/acknowledge")]
    public async Task A_state_change_with_the_cookie_but_without_the_antiforgery_token_is_refused(string method, string path)
    {
        using var client = _app.NewClient();
        await _app.SignInAsync(client, "heping");
        HttpRequestMessage Request() => new(new HttpMethod(method), path)
        {
            Content = new StringContent("{\"version\":1,\"reason\":\"x\"}", Encoding.UTF8, "application/json"),
        };
        var forged = await client.SendAsync(Request());
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("防伪令牌", await forged.Content.ReadAsStringAsync());

        await AppFixture.AddAntiforgeryTokenAsync(client);
        var withToken = await client.SendAsync(Request());
        Assert.DoesNotContain("防伪令牌", await withToken.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("api/districts/{district}", "api/districts/999999")]
    [InlineData("api/sites/{site}", "api/sites/999999")]
    [InlineData("api/sites/{site}/compliance", "api/sites/999999/compliance")]
    [InlineData("export/sites/{site}/reports.xlsx", "export/sites/999999/reports.xlsx")]
    [InlineData("reports/districts/{district}/summary.pdf", "reports/districts/999999/summary.pdf")]
    [InlineData("districts/{district}", "districts/999999")]
    [InlineData("sites/{site}", "sites/999999")]
    [InlineData("reports/sites/{site}/acceptance.pdf", "reports/sites/999999/acceptance.pdf")]
    public async Task Another_districts_record_answers_exactly_as_a_missing_one_and_names_nothing(string outOfScope, string missing)
    {
        using var heping = await _app.SignedInClientAsync("heping");
        var tedaId = await HttpJson.SiteIdAsync(_app, "泰达街道");
        var (district, site) = ("120116", tedaId.ToString());
        var refused = await heping.GetAsync(outOfScope.Replace("{district}", district).Replace("{site}", site));
        var absent = await heping.GetAsync(missing);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(absent.StatusCode, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.DoesNotContain("滨海", body);
        Assert.DoesNotContain("泰达", body);
        Assert.Contains("不在您的权限范围内", body);
        if (outOfScope.StartsWith("api/"))
            Assert.Equal((await absent.Content.ReadAsStringAsync()).Replace("999999", "·"), body.Replace(district, "·").Replace(site, "·"));
    }

    [Fact]
    public async Task An_unknown_address_shows_the_not_found_page_and_the_site_icon_is_served()
    {
        using var heping = await _app.SignedInClientAsync("heping");
        var unknown = await heping.GetAsync("no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var html = await unknown.Content.ReadAsStringAsync();
        Assert.Contains("没有找到所请求的页面或记录", html);
        var icon = System.Text.RegularExpressions.Regex.Match(html, "rel=\"icon\"[^>]*href=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEqual("", icon);
        Assert.Equal(HttpStatusCode.OK, (await heping.GetAsync(icon)).StatusCode);
    }

    [Fact]
    public async Task A_site_in_creation_without_a_station_account_is_a_to_do_for_the_city_and_its_district()
    {
        var teda = await HttpJson.SiteIdAsync(_app, "泰达街道");
        var nanshi = await HttpJson.SiteIdAsync(_app, "南市街道"); // has the development station account
        using var admin = await _app.SignedInClientAsync("admin");
        var page = await admin.GetStringAsync($"sites/{teda}");
        Assert.Contains("本创建点还没有街镇社会工作服务站账号", page);
        Assert.Contains("admin/users", page);
        Assert.DoesNotContain("还没有街镇社会工作服务站账号", await admin.GetStringAsync($"sites/{nanshi}"));
        using var binhai = await _app.SignedInClientAsync("binhai");
        Assert.Contains("在服务站账号中创建", await binhai.GetStringAsync($"sites/{teda}"));
        using var viewer = await _app.SignedInClientAsync("viewer");
        Assert.DoesNotContain("还没有街镇社会工作服务站账号", await viewer.GetStringAsync($"sites/{teda}"));
    }

    [Fact]
    public void Outside_Development_the_sign_in_cookie_is_Secure_unless_the_HTTPS_requirement_is_switched_off()
    {
        CookieSecurePolicy Policy(params string[] extra)
        {
            using var folder = new TempFolder();
            using var app = WuSheHost.Build(new[] { "--environment", "Production", $"--WuShe:DatabasePath={folder.File("w.db")}" }.Concat(extra).ToArray());
            return app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
                .Get(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme).Cookie.SecurePolicy;
        }
        Assert.Equal(CookieSecurePolicy.Always, Policy());
        Assert.Equal(CookieSecurePolicy.SameAsRequest, Policy("--WuShe:Https:Require=false"));
    }
}

/// <summary>One client address cannot keep guessing passwords (or locking accounts): sign-ins are rate-limited per address.</summary>
public sealed class SignInRateLimitTests : IAsyncLifetime
{
    private readonly AppFixture _app = new() { Settings = { ["WuShe__Sessions__SignInsPerMinutePerAddress"] = "3" } };

    public Task InitializeAsync() => _app.InitializeAsync();
    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task The_fourth_sign_in_within_a_minute_from_one_address_is_refused_in_Chinese_and_locks_nothing()
    {
        using var client = _app.NewClient();
        for (var i = 0; i < 3; i++)
            Assert.Contains("用户名或密码错误", await (await _app.SignInAsync(client, "admin", "Wrong#2026x")).Content.ReadAsStringAsync());
        var limited = await _app.SignInAsync(client, "admin", AppFixture.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("登录尝试过于频繁", await limited.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("login")).StatusCode);
        var (_, list, _) = await _app.RunCommandAsync(null, "users", "list");
        Assert.Contains("有效", list.Split('\n').Single(l => l.StartsWith("admin\t")));
    }
}
