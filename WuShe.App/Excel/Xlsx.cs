using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace WuShe.App.Excel;

/// <summary>A sheet to write: a title, Chinese headers, and rows of text or numbers.</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>A sheet as read: header → column, and each row's cells as text with its row number.</summary>
public sealed record XlsxTable(string Name, IReadOnlyList<string> Headers, IReadOnlyList<XlsxRow> Rows);

public sealed record XlsxRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string header] => Cells.TryGetValue(header, out var v) ? v.Trim() : "";
}

/// <summary>
/// Minimal .xlsx writing and reading over DocumentFormat.OpenXml (ClosedXML's dependencies are not in the package
/// feed): bold headers, sensible widths, numbers as numbers; reading accepts text, shared strings and Excel dates.
/// </summary>
public static class Xlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(params XlsxSheet[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheetList = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var rows = sheet.Rows.ToList();
                var data = new SheetData();
                data.AppendChild(Row(1, sheet.Headers.Cast<object?>().ToList(), bold: true));
                for (var i = 0; i < rows.Count; i++) data.AppendChild(Row((uint)i + 2, rows[i], bold: false));
                var worksheet = new Worksheet();
                worksheet.AppendChild(Columns(sheet.Headers, rows));
                worksheet.AppendChild(data);
                part.Worksheet = worksheet;
                sheetList.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
            }
        }
        return stream.ToArray();
    }

    /// <summary>Every sheet by name; throws <see cref="InvalidDataException"/> in Chinese when the file is not a workbook.</summary>
    public static IReadOnlyDictionary<string, XlsxTable> Read(Stream content)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(content, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException)
        {
            throw new InvalidDataException("文件不是有效的 Excel（.xlsx）工作簿，请使用系统下载的模板。");
        }
        using (document)
        {
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("工作簿为空。");
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? new List<string>();
            var result = new Dictionary<string, XlsxTable>();
            foreach (var sheet in workbook.Workbook.Descendants<Sheet>())
            {
                var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
                var rows = part.Worksheet.Descendants<Row>().ToList();
                if (rows.Count == 0) continue;
                var header = Cells(rows[0], shared);
                var headers = header.OrderBy(h => h.Key).Select(h => h.Value.Trim()).ToList();
                var table = rows.Skip(1).Select(r =>
                {
                    var cells = Cells(r, shared);
                    return new XlsxRow((int)(r.RowIndex?.Value ?? 0),
                        header.Where(h => h.Value.Trim() != "").ToDictionary(h => h.Value.Trim(), h => cells.GetValueOrDefault(h.Key, "")));
                }).Where(r => r.Cells.Values.Any(v => v.Trim() != "")).ToList();
                result[sheet.Name!.Value!] = new XlsxTable(sheet.Name!.Value!, headers, table);
            }
            return result;
        }
    }

    /// <summary>A date typed as text (2024-04-08, 2024/4/8) or stored by Excel as a serial number.</summary>
    public static bool TryDate(string text, out DateTime value)
    {
        if (DateTime.TryParse(text, CultureInfo.GetCultureInfo("zh-CN"), DateTimeStyles.None, out value)) return true;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 100000)
        {
            value = DateTime.FromOADate(serial);
            return true;
        }
        return false;
    }

    private static Dictionary<int, string> Cells(Row row, List<string> shared)
    {
        var cells = new Dictionary<int, string>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = ColumnIndex(cell.CellReference?.Value ?? "");
            var text = cell.DataType?.Value switch
            {
                CellValues.SharedString => int.TryParse(cell.CellValue?.Text, out var i) && i < shared.Count ? shared[i] : "",
                CellValues.InlineString => cell.InlineString?.InnerText ?? "",
                _ => cell.CellValue?.Text ?? "",
            };
            cells[column] = text;
        }
        return cells;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter)) index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return index;
    }

    private static Row Row(uint number, IReadOnlyList<object?> values, bool bold)
    {
        var row = new Row { RowIndex = number };
        for (var i = 0; i < values.Count; i++)
        {
            var reference = ColumnName(i + 1) + number;
            var cell = values[i] switch
            {
                int or long or decimal or double => new Cell
                {
                    CellReference = reference, DataType = CellValues.Number,
                    CellValue = new CellValue(Convert.ToString(values[i], CultureInfo.InvariantCulture)!),
                },
                _ => new Cell
                {
                    CellReference = reference, DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(Convert.ToString(values[i], CultureInfo.InvariantCulture) ?? "") { Space = SpaceProcessingModeValues.Preserve }),
                },
            };
            if (bold) cell.StyleIndex = 1;
            row.AppendChild(cell);
        }
        return row;
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    private static Columns Columns(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<object?>> rows)
    {
        var columns = new Columns();
        for (var i = 0; i < headers.Count; i++)
        {
            var longest = rows.Take(500).Select(r => i < r.Count ? Width(Convert.ToString(r[i], CultureInfo.InvariantCulture)) : 0)
                .Append(Width(headers[i])).Max();
            columns.AppendChild(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Math.Clamp(longest + 2, 8, 60), CustomWidth = true });
        }
        return columns;
    }

    /// <summary>Chinese characters take two columns of width.</summary>
    private static double Width(string? text) => (text ?? "").Sum(c => c > 0x2E80 ? 2.0 : 1.1);

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));
}
