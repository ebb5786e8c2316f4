using System.Net.Http.Json;
using Microsoft.Playwright;
using WuShe.Tests.Domain;
using WuShe.Tests.Support;

namespace WuShe.Tests.Browser;

[Collection(AppCollection.Name)]
public class AuditBrowserTests
{
    private readonly AppFixture _app;

    public AuditBrowserTests(AppFixture app) => _app = app;

    [Fact]
    public async Task The_city_browses_the_audit_log_and_filters_it_by_action()
    {
        using var binhai = await _app.SignedInClientAsync("binhai");
        var created = await binhai.PostAsJsonAsync("api/applications", SiteLifecycleTests.Valid() with { Street = "审计测试街道" });
        var id = await created.Content.ReadFromJsonAsync<int>();
        await binhai.PostAsJsonAsync($"api/sites/{id}/submit", new { version = 1 });

        var browser = await _app.BrowserAsync();
        await using var context = await browser.NewContextAsync(new() { BaseURL = _app.BaseUri.ToString() });
        var page = await context.NewPageAsync();
        await page.SignInAsync("admin");
        await page.GoInteractiveAsync("audit");
        await Assertions.Expect(page.Locator("#audit-grid")).ToContainTextAsync("审计测试街道");

        await page.SelectOptionAsync("#audit-action", "提交申报");
        await page.ClickAsync("#audit-search");
        await Assertions.Expect(page.Locator("#audit-grid tbody")).Not.ToContainTextAsync("创建草稿");
        var actions = await page.Locator("#audit-grid tbody tr td:nth-child(3)").AllInnerTextsAsync();
        Assert.NotEmpty(actions);
        Assert.All(actions, a => Assert.Equal("提交申报", a.Trim()));
    }
}
