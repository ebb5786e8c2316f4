using WuShe.Tests.Support;

namespace WuShe.Tests.Http;

/// <summary>The 系统设定 page through HTTP: the city sees the settings, a district officer or a station is sent to the refusal page.</summary>
[Collection(AppCollection.Name)]
public class SystemSettingsPageTests
{
    private readonly AppFixture _app;

    public SystemSettingsPageTests(AppFixture app) => _app = app;

    [Theory]
    [InlineData("admin", true)]
    [InlineData("viewer", true)]
    [InlineData("heping", false)]
    [InlineData("nanshi", false)]
    public async Task Only_city_wide_roles_see_the_settings(string user, bool allowed)
    {
        var client = await _app.SignedInClientAsync(user);
        var response = await client.GetAsync("campaign/settings");
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(allowed, page.Contains("提前预警天数"));
        Assert.Equal(allowed, page.Contains("系统设定（通知未规定数量）"));
        if (allowed) Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        else Assert.Contains("access-denied", response.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
