using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WuShe.App.Excel;
using WuShe.Tests.Support;

namespace WuShe.Tests.Browser;

/// <summary>The sites list filters as the user types, and its export holds exactly the rows shown, named by scope and filter.</summary>
[Collection(AppCollection.Name)]
public class ExportFilterBrowserTests
{
    private readonly AppFixture _app;

    public ExportFilterBrowserTests(AppFixture app) => _app = app;

    [Fact]
    public async Task The_export_of_a_filtered_sites_list_holds_the_rows_shown()
    {
        var page = await _app.SignedInPageAsync("admin", 1440, 900);
        await page.GoInteractiveAsync("sites");
        var all = Count(await page.InnerTextAsync("#site-count"));

        await page.SelectOptionAsync("#filter-district", "120101");
        await Assertions.Expect(page.Locator("#site-count")).ToContainTextAsync("符合条件");
        var heping = Count(await page.InnerTextAsync("#site-count"));
        Assert.InRange(heping, 1, all - 1);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#site-count a").ClickAsync());
        Assert.StartsWith("和平区-创建点-", download.SuggestedFilename);
        var sheet = Read(await download.PathAsync());
        Assert.Equal(heping, sheet.Rows.Count);
        Assert.All(sheet.Rows, r => Assert.Equal("和平区", r.Cells["区划"]));
        Assert.Equal(["区划", "街镇", "类别", "市区联合创建点序号", "状态", "辐射社区数"], sheet.Headers);

        // Typing narrows at once (no Enter), and the export follows.
        await page.Locator("#filter-search").PressSequentiallyAsync("南市");
        await Assertions.Expect(page.Locator("#site-count")).ToContainTextAsync("符合条件 1 个");
        Assert.Equal(1, await page.Locator("#sites-grid tbody tr").CountAsync());
        download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#site-count a").ClickAsync());
        Assert.Contains("含“南市”", download.SuggestedFilename);
        Assert.Equal("南市街道", Assert.Single(Read(await download.PathAsync()).Rows).Cells["街镇"]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_district_officer_cannot_export_another_districts_sites_by_asking_for_them()
    {
        using var heping = await _app.SignedInClientAsync("heping");
        var response = await heping.GetAsync("export/sites.xlsx?district=120116");
        Assert.True(response.IsSuccessStatusCode);
        var sheet = XlsxReader.Read(await response.Content.ReadAsStreamAsync()).Values.Single();
        Assert.Empty(sheet.Rows);
        Assert.StartsWith("和平区-", response.Content.Headers.ContentDisposition!.FileNameStar);
    }

    [Fact]
    public async Task The_applications_export_follows_the_same_filter_as_the_list()
    {
        using var admin = await _app.SignedInClientAsync("admin");
        using var list = await admin.GetJsonAsync("api/applications");
        var all = list.RootElement.EnumerateArray().ToList();
        var state = all.GroupBy(a => a.GetProperty("state").GetString()!).OrderByDescending(g => g.Count()).First().Key;
        var response = await admin.GetAsync($"export/applications.xlsx?state={Uri.EscapeDataString(state)}");
        var sheet = XlsxReader.Read(await response.Content.ReadAsStreamAsync()).Values.Single();
        Assert.Equal(all.Count(a => a.GetProperty("state").GetString() == state), sheet.Rows.Count);
        Assert.All(sheet.Rows, r => Assert.Equal(state, r.Cells["状态"]));
        Assert.Contains($"创建点申报（{state}）", response.Content.Headers.ContentDisposition!.FileNameStar);
    }

    private static int Count(string text) => int.Parse(Regex.Match(text, @"(\d+) 个").Groups[1].Value);

    private static XlsxTable Read(string path)
    {
        using var file = File.OpenRead(path);
        return XlsxReader.Read(file).Values.Single();
    }
}
