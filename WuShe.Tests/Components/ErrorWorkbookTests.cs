using WuShe.App.Excel;
using WuShe.App.Progress;
using WuShe.Tests.Browser;

namespace WuShe.Tests.Components;

/// <summary>The error workbook puts every row back at its own row number, so 错误清单's "行" points at the marked row.</summary>
public class ErrorWorkbookTests
{
    [Fact]
    public void A_row_after_an_empty_row_keeps_its_number_and_its_mark()
    {
        var uploaded = Xlsx.Write(new XlsxSheet("社区", ["街镇", "常住人口"], [["南市街道", "6000"], ["", ""], ["南市街道", "很多"]]));
        var book = Xlsx.Read(new MemoryStream(uploaded));
        Assert.Equal([2, 4], book["社区"].Rows.Select(r => r.Number));   // the reader leaves the empty row out

        var marked = ProgressWorkbook.ErrorWorkbook(new MemoryStream(uploaded), [new ImportError("社区", 4, "“常住人口”应为不小于 0 的整数，实际为“很多”。", "常住人口")]);
        var path = Path.Combine(Path.GetTempPath(), $"error-workbook-{Guid.NewGuid():N}.xlsx");
        File.WriteAllBytes(path, marked);
        try
        {
            Assert.Equal(["B4"], ProgressImportBrowserTests.MarkedCells(path, "社区"));
            var back = Xlsx.Read(new MemoryStream(marked))["社区"];
            Assert.Equal("“常住人口”应为不小于 0 的整数，实际为“很多”。", back.Rows.Single(r => r.Number == 4)["错误说明"]);
            Assert.Equal("", back.Rows.Single(r => r.Number == 2)["错误说明"]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
