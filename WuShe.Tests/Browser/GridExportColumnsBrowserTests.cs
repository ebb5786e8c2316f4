using Microsoft.Playwright;
using WuShe.App.Excel;
using WuShe.Tests.Support;

namespace WuShe.Tests.Browser;

/// <summary>
/// Each grid's export has the grid's own columns, in the grid's order, with the grid's rows: the quota ledger, the joint
/// sites, the district ranking and the audit log (the export may add detail the page shows another way, never drop a column).
/// </summary>
[Collection(AppCollection.Name)]
public class GridExportColumnsBrowserTests
{
    private readonly AppFixture _app;

    public GridExportColumnsBrowserTests(AppFixture app) => _app = app;

    [Theory]
    [InlineData("campaign", "district-quota-grid", "export/districts.xlsx", "各区名额", "区划")]
    [InlineData("campaign", "joint-site-grid", "export/joint-sites.xlsx", "市区联合创建点", "试点街镇")]
    [InlineData("dashboard", "district-ranking", "export/dashboard.xlsx", "各区", "区划")]
    [InlineData("audit", "audit-grid", "export/audit.xlsx", "操作日志", "时间")]
    public async Task A_grid_and_its_export_share_columns_and_rows(string path, string grid, string export, string sheetName, string key)
    {
        var page = await _app.SignedInPageAsync("admin", 1440, 900);
        await page.GoInteractiveAsync(path);
        var table = page.Locator($"#{grid}");
        await Assertions.Expect(table.Locator("tbody tr").First).ToBeVisibleAsync();
        var shown = (await table.Locator("thead th").AllInnerTextsAsync()).Select(h => h.Trim()).Where(h => h != "").ToList();
        var firstRow = await table.Locator("tbody tr").First.Locator("td").AllInnerTextsAsync();
        await Assertions.Expect(table.Locator("tbody tr").First.Locator("td").First).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("rz-frozen-cell"));

        var response = await page.APIRequest.GetAsync(export);
        Assert.Equal(200, response.Status);
        var sheet = XlsxReader.Read(new MemoryStream(await response.BodyAsync()))[sheetName];
        Assert.Equal(shown, sheet.Headers.Where(shown.Contains).ToList());   // every shown column, in order
        Assert.Equal(shown.Count, sheet.Headers.Intersect(shown).Count());
        var keyValue = firstRow[shown.IndexOf(key)].Trim();
        Assert.Contains(sheet.Rows, r => r[key] == keyValue);
        await page.Context.CloseAsync();
    }
}
