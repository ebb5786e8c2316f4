using Microsoft.Playwright;
using WuShe.Tests.Support;

namespace WuShe.Tests.Browser;

/// <summary>Real Chromium driving the real app, as a person would.</summary>
[Collection(AppCollection.Name)]
public class SignInBrowserTests
{
    private readonly AppFixture _app;

    public SignInBrowserTests(AppFixture app) => _app = app;

    [Fact]
    public async Task City_administrator_signs_in_and_sees_the_16_districts_and_totals_in_Chinese()
    {
        var browser = await _app.BrowserAsync();
        await using var context = await browser.NewContextAsync(new() { BaseURL = _app.BaseUri.ToString(), Locale = "zh-CN" });
        var page = await context.NewPageAsync();

        await page.GotoAsync("campaign");
        Assert.Contains("/login", page.Url);
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", AppFixture.Password);
        await page.ClickAsync("button[type=submit]");

        await page.WaitForURLAsync("**/campaign");
        await page.Locator("#district-quota-grid").WaitForAsync();
        var rows = page.Locator("#district-quota-grid tbody tr");
        Assert.Equal(16, await rows.CountAsync());
        Assert.Equal("滨海新区", (await rows.Nth(10).Locator("td").Nth(1).InnerTextAsync()).Trim());

        var footer = (await page.Locator("#district-quota-grid tfoot").InnerTextAsync()).Split(new[] { '\t', '\n', ' ' }, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(new[] { "合计", "50", "100", "11", "24" }, footer);
        Assert.Equal(11, await page.Locator("#joint-site-grid tbody tr").CountAsync());
        Assert.Contains("津民函〔2023〕20号", await page.InnerTextAsync("body"));
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));

        Directory.CreateDirectory(Path.Combine(AppFixture.RepositoryRoot(), "artifacts"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.RepositoryRoot(), "artifacts", "campaign-overview.png"), FullPage = true });
    }

    [Fact]
    public async Task Empty_fields_are_flagged_at_the_field_in_Chinese()
    {
        var browser = await _app.BrowserAsync();
        await using var context = await browser.NewContextAsync(new() { BaseURL = _app.BaseUri.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("login");
        await page.ClickAsync("button[type=submit]");
        await page.Locator(".wushe-field-error").First.WaitForAsync();
        var messages = await page.Locator(".wushe-field-error").AllInnerTextsAsync();
        Assert.Equal(new[] { "请输入用户名。", "请输入密码。" }, messages);
    }

    [Fact]
    public async Task Grids_speak_Chinese_and_an_evaluator_lists_the_11_joint_sites()
    {
        var browser = await _app.BrowserAsync();
        await using var context = await browser.NewContextAsync(new() { BaseURL = _app.BaseUri.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("login");
        await page.FillAsync("#username", "expert");
        await page.FillAsync("#password", AppFixture.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/todo");
        await page.GotoAsync("sites");
        await page.WaitForURLAsync("**/sites");
        await page.Locator(".rz-pager-summary").WaitForAsync();
        Assert.Equal("第 1 页 / 共 1 页（共 11 条）", (await page.Locator(".rz-pager-summary").InnerTextAsync()).Trim());
        Assert.Equal(11, await page.Locator(".rz-data-grid tbody tr").CountAsync());
        Assert.Contains("市区联合创建点", await page.Locator(".rz-data-grid tbody").InnerTextAsync());
    }
}
