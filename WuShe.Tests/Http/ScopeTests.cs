using System.Net;
using System.Text.Json;
using WuShe.Tests.Support;

namespace WuShe.Tests.Http;

/// <summary>Scope is enforced by the server, whatever URL is asked: tested over real HTTP against the running app.</summary>
[Collection(AppCollection.Name)]
public class ScopeTests
{
    private readonly AppFixture _app;

    public ScopeTests(AppFixture app) => _app = app;

    [Theory]
    [InlineData("campaign")]
    [InlineData("districts/120101")]
    [InlineData("sites")]
    [InlineData("admin/status")]
    public async Task Anonymous_pages_redirect_to_the_sign_in_page(string path)
    {
        using var client = _app.NewClient();
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login?ReturnUrl=", response.Headers.Location!.PathAndQuery);
        var login = await client.GetStringAsync(response.Headers.Location);
        Assert.Contains("用户名", login);
        Assert.Contains("密码", login);
    }

    [Theory]
    [InlineData("api/campaign")]
    [InlineData("api/districts/120101")]
    [InlineData("api/sites")]
    public async Task Anonymous_data_requests_get_401(string path)
    {
        using var client = _app.NewClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_Chinese_and_sets_no_cookie()
    {
        using var client = _app.NewClient();
        var response = await _app.SignInAsync(client, "viewer", "not-the-password");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("用户名或密码错误", page);
        Assert.DoesNotContain("not-the-password", page);   // the password typed is not written back into the form
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("campaign")).StatusCode);
    }

    [Fact]
    public async Task Heping_officer_sees_own_district_page_and_data()
    {
        using var client = await _app.SignedInClientAsync("heping");
        var page = await client.GetAsync("districts/120101");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("南市街道", await page.Content.ReadAsStringAsync());

        using var json = await client.GetJsonAsync("api/districts/120101", HttpStatusCode.OK);
        Assert.Equal("和平区", json.RootElement.GetProperty("district").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("120116")]
    [InlineData("120102")]
    public async Task Heping_officer_is_refused_another_districts_page_and_data(string otherDistrict)
    {
        using var client = await _app.SignedInClientAsync("heping");
        var page = await client.GetAsync($"districts/{otherDistrict}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("不在您的权限范围内", html);
        Assert.DoesNotContain("泰达街道", html);

        using var json = await client.GetJsonAsync($"api/districts/{otherDistrict}", HttpStatusCode.NotFound);
        Assert.Contains("不在您的权限范围内", json.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Heping_officer_is_refused_a_crafted_request_for_another_districts_site()
    {
        var taida = await _app.SiteIdAsync("泰达街道");
        using var client = await _app.SignedInClientAsync("heping");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"sites/{taida}")).StatusCode);
        using var _ = await client.GetJsonAsync($"api/sites/{taida}", HttpStatusCode.NotFound);

        using var list = await client.GetJsonAsync("api/sites", HttpStatusCode.OK);
        Assert.Equal(new[] { "和平区" }, list.RootElement.EnumerateArray().Select(s => s.GetProperty("districtName").GetString()).Distinct());
    }

    [Fact]
    public async Task District_officer_cannot_open_the_city_overview()
    {
        using var client = await _app.SignedInClientAsync("heping");
        var page = await client.GetAsync("campaign");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/access-denied", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("api/campaign")).StatusCode);
    }

    [Fact]
    public async Task Street_station_sees_only_its_own_site()
    {
        var nanshi = await _app.SiteIdAsync("南市街道");
        var taoyuan = await _app.SiteIdAsync("桃园街道");
        using var client = await _app.SignedInClientAsync("nanshi");
        using var own = await client.GetJsonAsync($"api/sites/{nanshi}", HttpStatusCode.OK);
        Assert.Equal(3, own.RootElement.GetProperty("communities").GetArrayLength());
        using var _ = await client.GetJsonAsync($"api/sites/{taoyuan}", HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("api/districts/120101")).StatusCode);
    }

    [Fact]
    public async Task City_evaluator_sees_the_joint_sites_only()
    {
        using var client = await _app.SignedInClientAsync("expert");
        using var list = await client.GetJsonAsync("api/sites", HttpStatusCode.OK);
        Assert.Equal(11, list.RootElement.GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("api/districts/120101")).StatusCode);
    }

    [Fact]
    public async Task City_administrator_sees_all_16_districts_with_the_totals()
    {
        using var client = await _app.SignedInClientAsync("admin");
        using var json = await client.GetJsonAsync("api/campaign", HttpStatusCode.OK);
        var root = json.RootElement;
        Assert.Equal(16, root.GetProperty("districts").GetArrayLength());
        Assert.Equal(50, root.GetProperty("totalStreetQuota").GetInt32());
        Assert.Equal(100, root.GetProperty("totalCommunityQuota").GetInt32());
        Assert.Equal(11, root.GetProperty("totalJointSites").GetInt32());
        Assert.Equal(24, root.GetProperty("totalJointCommunities").GetInt32());
    }

    [Theory]
    [InlineData("admin", "dashboard")]
    [InlineData("viewer", "dashboard")]
    [InlineData("admin", "districts/120116")]
    [InlineData("heping", "districts/120101")]
    public async Task Dashboards_render_with_their_milestones(string user, string path)
    {
        using var client = await _app.SignedInClientAsync(user);
        var page = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("2023年11月30日 节点", html);
        Assert.Contains("各创建点达标情况", html);
    }

    [Fact]
    public async Task District_officers_cannot_open_the_city_dashboard()
    {
        using var client = await _app.SignedInClientAsync("heping");
        Assert.StartsWith("/access-denied", (await client.GetAsync("dashboard")).Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Only_the_city_administrator_opens_the_status_page()
    {
        using var viewer = await _app.SignedInClientAsync("viewer");
        Assert.StartsWith("/access-denied", (await viewer.GetAsync("admin/status")).Headers.Location!.PathAndQuery);
        using var admin = await _app.SignedInClientAsync("admin");
        var status = await admin.GetAsync("admin/status");
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        var html = await status.Content.ReadAsStringAsync();
        Assert.Contains("日志模式 wal", html);
        Assert.Contains("待应用 0 个", html);
        Assert.Matches(@"活动 1，区 16，创建点 \d+，社区 \d+", html);
        Assert.Contains("WuShe 运行中", html);
    }
}
