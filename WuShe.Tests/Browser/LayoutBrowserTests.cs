using Microsoft.Playwright;
using WuShe.Tests.Support;

namespace WuShe.Tests.Browser;

/// <summary>The city's tables fit a 1440 px laptop (no grid wider than its box, no cut-off columns), and the menu
/// highlights exactly the page one is on.</summary>
[Collection(AppCollection.Name)]
public class LayoutBrowserTests
{
    private readonly AppFixture _app;

    public LayoutBrowserTests(AppFixture app) => _app = app;

    [Theory]
    [InlineData("admin", 1440)]
    [InlineData("admin", 1366)]
    [InlineData("heping", 1366)]
    public async Task Every_menu_page_fits_the_screen_and_highlights_one_menu_item(string user, int width)
    {
        var page = await _app.SignedInPageAsync(user, width, 900);
        await page.WaitForInteractiveAsync();
        var paths = (await page.Locator(".rz-sidebar a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")).Distinct().ToList();
        var problems = new List<string>();
        foreach (var path in paths.Append("campaign/settings").Distinct())
        {
            if (user != "admin" && path == "campaign/settings") continue;
            await page.GotoAsync(path);
            await page.Locator("h1").First.WaitForAsync();
            await Assertions.Expect(page.Locator(".rz-progressbar-indeterminate")).ToHaveCountAsync(0, new() { Timeout = 20000 });
            var overflow = await page.EvaluateAsync<string>(@"() => [...document.querySelectorAll('.rz-data-grid-data, .rz-data-grid, .wushe-table, .rz-body')]
                .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => (e.id || e.className.split(' ')[0]) + ' ' + e.scrollWidth + '>' + e.clientWidth).join('; ')");
            if (overflow != "") problems.Add($"{path}：横向溢出 {overflow}");
            var active = await page.Locator(".rz-sidebar .rz-navigation-item-wrapper-active").CountAsync();
            if (active != 1) problems.Add($"{path}：菜单高亮 {active} 项");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.Context.CloseAsync();
    }
}
