using Microsoft.Playwright;
using WuShe.Tests.Support;

namespace WuShe.Tests.Browser;

/// <summary>
/// The net10 server driven by the 9.0 client script (Hosting/BlazorScriptBridge.cs): Radzen's grid, dialog and date
/// picker work through it.
/// </summary>
[Collection(AppCollection.Name)]
public class ClientScriptBrowserTests
{
    private readonly AppFixture _app;

    public ClientScriptBrowserTests(AppFixture app) => _app = app;

    [Fact]
    public async Task The_client_script_is_served_from_the_bridge_and_revalidates()
    {
        using var client = _app.NewClient();
        var first = await client.GetAsync("_framework/blazor.web.js");
        Assert.Equal(System.Net.HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/javascript", first.Content.Headers.ContentType?.MediaType);
        Assert.Contains("components-reconnect-modal", await first.Content.ReadAsStringAsync());
        using var again = new HttpRequestMessage(HttpMethod.Get, "_framework/blazor.web.js");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(System.Net.HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task A_Radzen_grid_sorts_a_date_picker_changes_the_dashboard_and_a_dialog_confirms_or_cancels()
    {
        var page = await _app.SignedInPageAsync("admin", 1440, 900);
        await page.GoInteractiveAsync("campaign");
        await Assertions.Expect(FirstJointSiteNumber(page)).ToHaveTextAsync("1");
        await SortJointSitesDescendingAsync(page);

        await page.GoInteractiveAsync("dashboard");
        await Assertions.Expect(page.Locator("h2", new() { HasText = "各创建点达标情况" })).ToContainTextAsync("截至 2024-05-20");
        var asOf = page.Locator("#as-of");
        await asOf.FillAsync("2023-12-31");
        await asOf.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h2", new() { HasText = "各创建点达标情况" })).ToContainTextAsync("截至 2023-12-31");
        await Assertions.Expect(page.Locator("h3", new() { HasText = "筹款（万元）与下限" })).ToContainTextAsync("截至 2023-12-31");

        await page.GoInteractiveAsync("reports");
        var rows = page.Locator("#batches tbody tr");
        var before = await rows.CountAsync();
        await page.ClickAsync("#batch-city");
        var dialog = page.Locator(".rz-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("将在后台生成全市全部创建点的结项报告");
        await dialog.Locator("button", new() { HasText = "取消" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        Assert.Equal(before, await rows.CountAsync());
        using (var admin = await _app.SignedInClientAsync("admin")) await Http.BatchStartTests.NoneRunningAsync(admin, "全市");
        await page.DblClickAsync("#batch-city");                         // a double click asks once and starts one batch
        await Assertions.Expect(dialog).ToHaveCountAsync(1);
        await page.Locator(".rz-dialog button", new() { HasText = "开始生成" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(before + 1);
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(rows.First).ToContainTextAsync("全市");
        await page.Context.CloseAsync();
    }

    public static ILocator FirstJointSiteNumber(IPage page) => page.Locator("#joint-site-grid tbody tr").First.Locator("td").First;

    /// <summary>Two clicks on the grid's 序号 header sort it descending: the 11th joint site comes first.</summary>
    public static async Task SortJointSitesDescendingAsync(IPage page)
    {
        await page.Locator("#joint-site-grid th", new() { HasText = "序号" }).ClickAsync();
        await page.Locator("#joint-site-grid th", new() { HasText = "序号" }).ClickAsync();
        await Assertions.Expect(FirstJointSiteNumber(page)).ToHaveTextAsync("11");
    }
}

/// <summary>A page that loses its server mid-session: the Chinese reconnect dialog, then a working page again.</summary>
public sealed class ReconnectBrowserTests : IAsyncLifetime
{
    private readonly AppFixture _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();
    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task After_a_server_restart_the_page_shows_the_Chinese_dialog_then_reloads_into_a_live_circuit()
    {
        var page = await _app.SignedInPageAsync("admin", timeout: 60000);
        await page.GoInteractiveAsync("campaign");
        var dialog = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await page.EvaluateAsync("window.__beforeRestart = true");

        await _app.StopAsync();
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("连接中断，正在重新连接…");

        await _app.StartAgainAsync();
        // The new server does not know the old circuit: the page reloads itself (the sign-in cookie still holds).
        await page.WaitForFunctionAsync("() => window.__beforeRestart === undefined && document.querySelector(\"#circuit[data-ready='1']\") !== null");
        Assert.EndsWith("/campaign", page.Url);
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await ClientScriptBrowserTests.SortJointSitesDescendingAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task When_the_server_stays_away_the_dialog_offers_to_reconnect_or_reload_in_Chinese()
    {
        var page = await _app.SignedInPageAsync("admin", timeout: 60000);
        await page.GoInteractiveAsync("campaign");
        await _app.StopAsync();
        var dialog = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        // Give up at once instead of waiting out the client's retries: the script's own "failed" state.
        await page.EvaluateAsync("document.getElementById('components-reconnect-modal').className = 'components-reconnect-failed'");
        await Assertions.Expect(dialog).ToContainTextAsync("无法连接到服务器。");
        await Assertions.Expect(dialog.Locator("button", new() { HasText = "重新连接" })).ToBeVisibleAsync();
        await Assertions.Expect(dialog.Locator("button", new() { HasText = "重新加载" })).ToBeVisibleAsync();

        // 重新连接 while the server is still away: it tries, fails, and says so again.
        await dialog.Locator("button", new() { HasText = "重新连接" }).ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("无法连接到服务器。");

        await _app.StartAgainAsync();
        await page.WaitForFunctionAsync("() => document.querySelector(\"#circuit[data-ready='1']\") !== null && getComputedStyle(document.getElementById('components-reconnect-modal')).display === 'none'");
        await page.Context.CloseAsync();
    }
}
