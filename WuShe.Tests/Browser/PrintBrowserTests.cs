using Microsoft.Playwright;
using WuShe.Tests.Support;

namespace WuShe.Tests.Browser;

/// <summary>Ctrl+P: a page prints its whole content (every row of a long table) and none of the menu or header.</summary>
[Collection(AppCollection.Name)]
public class PrintBrowserTests
{
    private readonly AppFixture _app;

    public PrintBrowserTests(AppFixture app) => _app = app;

    [Fact]
    public async Task The_campaign_page_prints_all_16_districts_and_no_menu()
    {
        var admin = await _app.SignedInPageAsync("admin");
        await admin.SetViewportSizeAsync(1440, 900);
        await admin.GoInteractiveAsync("campaign");
        await admin.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await admin.Locator(".rz-sidebar").IsVisibleAsync());
        var text = PdfTools.Text(await admin.PdfAsync(new() { Format = "A4", PrintBackground = true }));
        foreach (var district in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "seed-data", "tianjin-2023", "districts.csv")).Skip(1)
                     .Select(l => l.Split(',')[1]))
            Assert.Contains(district, text);
        Assert.DoesNotContain("操作日志", text);   // a menu item
        Assert.DoesNotContain("退出登录", text);   // the header
        await admin.Context.CloseAsync();
    }
}
