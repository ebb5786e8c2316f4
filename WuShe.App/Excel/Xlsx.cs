using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace WuShe.App.Excel;

/// <summary>A sheet to write: a title, Chinese headers, and rows of text or numbers.</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<object?>> Rows)
{
    /// <summary>Cells to fill red (row index among <see cref="Rows"/>, column index), e.g. the wrong cells of an import.</summary>
    public IReadOnlySet<(int Row, int Column)> Marked { get; init; } = new HashSet<(int, int)>();
    /// <summary>The sheet row number of each of <see cref="Rows"/> when they are not simply 2, 3, 4… (rows written back where they were read).</summary>
    public IReadOnlyList<int>? RowNumbers { get; init; }
}

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
                for (var i = 0; i < rows.Count; i++)
                    data.AppendChild(Row((uint)(sheet.RowNumbers?[i] ?? i + 2), rows[i], bold: false, marked: c => sheet.Marked.Contains((i, c))));
                var worksheet = new Worksheet();
                worksheet.AppendChild(Columns(sheet.Headers, rows));
                worksheet.AppendChild(data);
                part.Worksheet = worksheet;
                sheetList.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
            }
        }
        return stream.ToArray();
    }

    /// <summary>
    /// Every sheet by name, read with bounded memory (<see cref="XlsxReader"/>); throws <see cref="XlsxRefusedException"/>
    /// in Chinese, naming the sheet, row or cell, when the file is not a workbook or exceeds a limit.
    /// </summary>
    public static IReadOnlyDictionary<string, XlsxTable> Read(Stream content) => XlsxReader.Read(content);

    private static readonly string[] DateFormats =
    {
        "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyy-M-d H:mm", "yyyy/M/d H:mm", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss",
        "yyyy-M-dTH:mm", "yyyy-M-dTH:mm:ss",
    };

    /// <summary>
    /// A date with a four-digit year (2024-04-08, 2024/4/8, 2024年4月8日, optionally with a time) or stored by Excel as a
    /// serial number between 2000 and 2100. Anything shorter ("5/3") is refused rather than guessed.
    /// </summary>
    public static bool TryDate(string text, out DateTime value)
    {
        text = text.Trim();
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value)) return true;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial)
            && serial >= FirstSerial && serial < LastSerial)
        {
            value = DateTime.FromOADate(serial);
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>Excel serials of 2000-01-01 and 2101-01-01.</summary>
    private const double FirstSerial = 36526, LastSerial = 73416;

    internal static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter)) index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return index;
    }

    private static Row Row(uint number, IReadOnlyList<object?> values, bool bold, Func<int, bool>? marked = null)
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
            else if (marked?.Invoke(i) == true) cell.StyleIndex = 2;
            row.AppendChild(cell);
        }
        return row;
    }

    internal static string ColumnName(int index)
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

    /// <summary>Style 0 plain, 1 bold (headers), 2 a marked cell: dark red bold text on light red.</summary>
    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold()), new Font(new Bold(), new Color { Rgb = "FF9C0006" })),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFFFC7CE" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid })),
        new Borders(new Border()),
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { FontId = 2, FillId = 2, ApplyFont = true, ApplyFill = true }));
}
