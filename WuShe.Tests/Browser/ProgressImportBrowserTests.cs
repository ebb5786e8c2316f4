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

        // The same workbook back, with the wrong cells filled red and each row's problem beside it.
        var download = await officer.RunAndWaitForDownloadAsync(() => officer.ClickAsync("#import-error-workbook"));
        Assert.Equal("错误标注-进展.xlsx", download.SuggestedFilename);
        var path = await download.PathAsync();
        using (var file = File.OpenRead(path))
        {
            var marked = Xlsx.Read(file);
            Assert.True(marked["错误清单"].Rows.Count >= book["创建点"].Rows.Count);
            var sites = marked["创建点"];
            Assert.Equal(book["创建点"].Rows.Count, sites.Rows.Count);
            Assert.All(sites.Rows, r => Assert.Contains("“专职社工人数”应为不小于 0 的整数，实际为“两个”", r["错误说明"]));
            Assert.All(sites.Rows, r => Assert.Equal("两个", r["专职社工人数"]));
        }
        Assert.Equal(book["创建点"].Rows.Select(r => $"{Column(book["创建点"], "专职社工人数")}{r.Number}"), MarkedCells(path, "创建点"));
        await officer.Context.CloseAsync();
    }

    private static string Column(XlsxTable table, string header)
    {
        var index = table.Headers.ToList().IndexOf(header) + 1;
        var name = "";
        for (; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    /// <summary>The references of the cells filled red (the error style) on a sheet, read from the file itself.</summary>
    internal static IEnumerable<string> MarkedCells(string path, string sheet)
    {
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart!;
        var id = workbook.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == sheet).Id!.Value!;
        var fills = workbook.WorkbookStylesPart!.Stylesheet.Fills!.Elements<DocumentFormat.OpenXml.Spreadsheet.Fill>().ToList();
        var formats = workbook.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<DocumentFormat.OpenXml.Spreadsheet.CellFormat>().ToList();
        bool Red(uint style) => fills[(int)(formats[(int)style].FillId?.Value ?? 0)].PatternFill?.ForegroundColor?.Rgb?.Value == "FFFFC7CE";
        return ((DocumentFormat.OpenXml.Packaging.WorksheetPart)workbook.GetPartById(id)).Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()
            .Where(c => c.StyleIndex is { } style && Red(style.Value)).Select(c => c.CellReference!.Value!).ToList();
    }
}
