using Microsoft.Playwright;
using WuShe.App.Excel;
using WuShe.Tests.Support;

namespace WuShe.Tests.Browser;

/// <summary>A district clerk imports a template with a mistake and can read every error (not white on white).</summary>
[Collection(AppCollection.Name)]
public class ProgressImportBrowserTests
{
    private readonly AppFixture _app;

    public ProgressImportBrowserTests(AppFixture app) => _app = app;

    [Fact]
    public async Task Import_errors_are_listed_readably_below_the_alert_and_nothing_is_saved()
    {
        var officer = await _app.SignedInPageAsync("heping");
        await officer.GoInteractiveAsync("districts/120101");
        var template = await officer.APIRequest.GetAsync("export/progress-template.xlsx?year=2024&month=5&district=120101");
        Assert.True(template.Ok, $"{template.Status}");
        var book = Xlsx.Read(new MemoryStream(await template.BodyAsync()));
        var bad = Xlsx.Write(book.Values.Select(t => new XlsxSheet(t.Name, t.Headers, t.Rows.Select(r =>
            (IReadOnlyList<object?>)t.Headers.Select(h => (object?)(t.Name == "创建点" && h == "专职社工人数" ? "两个" : r[h])).ToList()))).ToArray());

        await officer.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = "进展.xlsx", MimeType = "application/octet-stream", Buffer = bad });
        await Assertions.Expect(officer.Locator("#import-result")).ToContainTextAsync("未保存任何数据");
        var cell = officer.Locator("#import-errors td", new() { HasText = "专职社工人数" }).First;
        await Assertions.Expect(cell).ToBeVisibleAsync();
        var color = await cell.EvaluateAsync<string>("td => getComputedStyle(td).color");
        var background = await cell.EvaluateAsync<string>("td => getComputedStyle(td).backgroundColor");
        Assert.NotEqual(background, color);
        Assert.Equal("rgb(255, 255, 255)", background);
        await officer.Context.CloseAsync();
    }
}
