using Microsoft.Playwright;
using WuShe.App.Excel;
using WuShe.Tests.Support;

namespace WuShe.Tests.Browser;

/// <summary>An import first says what it would save, and saves only when confirmed (an app of its own: it saves a report).</summary>
public sealed class ImportPreviewBrowserTests : IClassFixture<OwnAppFixture>
{
    private readonly AppFixture _app;

    public ImportPreviewBrowserTests(OwnAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task The_district_sees_what_an_import_will_save_and_saves_it_only_when_confirmed()
    {
        var officer = await _app.SignedInPageAsync("heping");
        await officer.GoInteractiveAsync("districts/120101");
        var template = await officer.APIRequest.GetAsync("export/progress-template.xlsx?year=2024&month=5&district=120101");
        var book = Xlsx.Read(new MemoryStream(await template.BodyAsync()));
        var street = book["创建点"].Rows[0]["街镇"];                      // one site's figures entered, the others left as given
        var figures = new Dictionary<string, string>
        {
            ["专职社工人数"] = "2", ["参与的“两委”成员"] = "3", ["参与的持证社区工作者"] = "1", ["志愿服务组织（团队）"] = "2",
            ["常住人口"] = "6000", ["注册志愿者"] = "900", ["本年有服务时长记录的志愿者"] = "400",
        };
        var filled = Xlsx.Write(book.Values.Select(t => new XlsxSheet(t.Name, t.Headers, t.Rows.Select(r =>
            (IReadOnlyList<object?>)t.Headers.Select(h => (object?)(t.Name is "创建点" or "社区" && r["街镇"] == street && figures.TryGetValue(h, out var v) ? v : r[h])).ToList()))).ToArray());
        using var api = await _app.SignedInClientAsync("heping");
        var site = await _app.SiteIdAsync(street);
        var reportsBefore = await ReportsAsync(api, site);

        await officer.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = "进展.xlsx", MimeType = "application/octet-stream", Buffer = filled });
        var preview = officer.Locator("#import-preview");
        await Assertions.Expect(preview).ToContainTextAsync("将导入 1 个创建点");
        Assert.Equal(reportsBefore, await ReportsAsync(api, site));       // checked, not saved

        await officer.ClickAsync("#import-cancel");
        await Assertions.Expect(preview).ToHaveCountAsync(0);
        Assert.Equal(reportsBefore, await ReportsAsync(api, site));

        await officer.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = "进展2.xlsx", MimeType = "application/octet-stream", Buffer = filled });
        await officer.ClickAsync("#import-confirm");
        await Assertions.Expect(officer.Locator("#import-result")).ToContainTextAsync("已导入 1 个创建点");
        Assert.Equal(reportsBefore + 1, await ReportsAsync(api, site));
        await officer.Context.CloseAsync();
    }

    private static async Task<int> ReportsAsync(HttpClient client, int site)
    {
        var response = await client.GetAsync($"export/sites/{site}/reports.xlsx");
        return Xlsx.Read(await response.Content.ReadAsStreamAsync()).Values.Single().Rows.Count;
    }
}
