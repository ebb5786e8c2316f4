using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace WuShe.App.Excel;

/// <summary>A workbook refused, with where: sheet ("" for the file), row (0 for the sheet), and the message in Chinese.</summary>
public sealed class XlsxRefusedException(string sheet, int row, string message) : Exception(message)
{
    public string Sheet { get; } = sheet;
    public int Row { get; } = row;
}

/// <summary>
/// Reads an .xlsx with bounded memory and time, whatever the file claims. Before the workbook is opened: the upload is
/// at most <see cref="MaxFileBytes"/>, and every part is inflated once into nothing, counting, so that a zip bomb stops at
/// <see cref="MaxUncompressedBytes"/>. Then shared strings and sheets are read as streams (OpenXmlReader), never as a
/// DOM, within limits on strings, rows, cells and cell length. DTDs are refused by the XML reader. Formulas are refused
/// cell by cell: a value the system cannot see computed is not taken (a formula without a cached value read as 0).
/// </summary>
public static class XlsxReader
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const long MaxUncompressedBytes = 60 * 1024 * 1024;
    public const int MaxParts = 500, MaxSheets = 20, MaxRowsPerSheet = 5_000, MaxColumns = 64, MaxCellLength = 2_000;
    public const int MaxSharedStrings = 200_000;
    public const long MaxSharedStringChars = 5_000_000;

    public static IReadOnlyDictionary<string, XlsxTable> Read(Stream content)
    {
        using var file = Buffer(content);
        CheckArchive(file);
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(file, false, new OpenSettings { AutoSave = false });
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or XmlException
                                      or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            throw NotAWorkbook();
        }
        using (document)
        {
            try
            {
                return ReadWorkbook(document);
            }
            catch (Exception e) when (e is XmlException or OpenXmlPackageException or InvalidOperationException or KeyNotFoundException
                                          or ArgumentException or IOException or InvalidDataException)
            {
                throw new XlsxRefusedException("", 0, "工作簿内容损坏或含有不允许的结构（如 DTD、外部引用），无法读取；请用 Excel 另存为 .xlsx 后重试。");
            }
        }
    }

    private static XlsxRefusedException NotAWorkbook() => new("", 0, "文件不是有效的 Excel（.xlsx）工作簿，请使用系统下载的模板。");

    private static MemoryStream Buffer(Stream content)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes) throw new XlsxRefusedException("", 0, $"文件超过 {MaxFileBytes / 1024 / 1024} MB，请检查是否选错文件。");
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        return buffer;
    }

    /// <summary>Inflates each part once without keeping it, so a declared size cannot lie about the real one.</summary>
    private static void CheckArchive(MemoryStream file)
    {
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxParts) throw new XlsxRefusedException("", 0, $"工作簿含 {zip.Entries.Count} 个部件，超过上限 {MaxParts}。");
            if (zip.GetEntry("[Content_Types].xml") is null || zip.GetEntry("xl/workbook.xml") is null) throw NotAWorkbook();
            long total = 0;
            var sink = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                int read;
                while ((read = stream.Read(sink, 0, sink.Length)) > 0)
                    if ((total += read) > MaxUncompressedBytes)
                        throw new XlsxRefusedException("", 0, $"工作簿解压后超过 {MaxUncompressedBytes / 1024 / 1024} MB（压缩比异常），已拒绝。");
            }
        }
        catch (InvalidDataException)
        {
            throw NotAWorkbook();
        }
        file.Position = 0;
    }

    private static Dictionary<string, XlsxTable> ReadWorkbook(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart?.Workbook ?? throw new XlsxRefusedException("", 0, "工作簿为空。");
        var shared = document.WorkbookPart.SharedStringTablePart is { } sst ? SharedStrings(sst) : new List<string>();
        var sheets = workbook.Sheets?.Elements<Sheet>().ToList() ?? new List<Sheet>();
        if (sheets.Count > MaxSheets) throw new XlsxRefusedException("", 0, $"工作簿含 {sheets.Count} 个工作表，超过上限 {MaxSheets}。");
        var result = new Dictionary<string, XlsxTable>();
        foreach (var sheet in sheets)
        {
            var name = sheet.Name?.Value ?? "";
            if (sheet.Id?.Value is not { } id || document.WorkbookPart.GetPartById(id) is not WorksheetPart part)
                throw new XlsxRefusedException(name, 0, $"工作表“{name}”缺失或不是普通工作表。");
            if (ReadSheet(name, part, shared) is { } table) result[name] = table;
        }
        return result;
    }

    private static List<string> SharedStrings(SharedStringTablePart part)
    {
        var strings = new List<string>();
        long chars = 0;
        using var reader = OpenXmlReader.Create(part);
        StringBuilder? current = null;
        var phonetic = 0;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem))
            {
                if (reader.IsStartElement) current = new StringBuilder();
                else if (current is not null)
                {
                    if (strings.Count >= MaxSharedStrings) throw new XlsxRefusedException("", 0, $"共享字符串超过 {MaxSharedStrings:N0} 个，已拒绝。");
                    strings.Add(current.ToString());
                    current = null;
                }
            }
            else if (reader.ElementType == typeof(PhoneticRun)) phonetic += reader.IsStartElement ? 1 : -1;
            else if (reader.ElementType == typeof(Text) && reader.IsStartElement && current is not null && phonetic == 0)
            {
                var text = reader.GetText();
                if ((chars += text.Length) > MaxSharedStringChars)
                    throw new XlsxRefusedException("", 0, $"共享字符串总长超过 {MaxSharedStringChars:N0} 字，已拒绝。");
                current.Append(text);
            }
        }
        return strings;
    }

    private static XlsxTable? ReadSheet(string sheet, WorksheetPart part, List<string> shared)
    {
        var rows = new List<(int Number, Dictionary<int, string> Cells)>();
        using var reader = OpenXmlReader.Create(part);
        Dictionary<int, string>? row = null;
        var rowNumber = 0;
        string reference = "", type = "";
        string? value = null;
        StringBuilder? inline = null;
        while (reader.Read())
        {
            var element = reader.ElementType;
            if (element == typeof(Row))
            {
                if (reader.IsStartElement)
                {
                    rowNumber = int.TryParse(Attribute(reader, "r"), out var r) ? r : rowNumber + 1;
                    if (rows.Count >= MaxRowsPerSheet + 1)
                        throw new XlsxRefusedException(sheet, rowNumber, $"工作表“{sheet}”超过 {MaxRowsPerSheet:N0} 行，请分批导入。");
                    row = new Dictionary<int, string>();
                }
                else if (row is not null)
                {
                    rows.Add((rowNumber, row));
                    row = null;
                }
            }
            else if (element == typeof(Cell) && row is not null)
            {
                if (reader.IsStartElement)
                {
                    reference = Attribute(reader, "r") ?? "";
                    type = Attribute(reader, "t") ?? "";
                    value = null;
                    inline = null;
                }
                else
                {
                    var column = reference == "" ? row.Count + 1 : Xlsx.ColumnIndex(reference);
                    var at = reference == "" ? $"第 {rowNumber} 行" : $"单元格 {reference}";
                    if (column < 1 || column > MaxColumns)
                        throw new XlsxRefusedException(sheet, rowNumber, $"工作表“{sheet}”{at}超出 {MaxColumns} 列。");
                    var text = type switch
                    {
                        "s" => int.TryParse(value, out var i) && i >= 0 && i < shared.Count ? shared[i]
                            : throw new XlsxRefusedException(sheet, rowNumber, $"工作表“{sheet}”{at}引用了不存在的共享字符串。"),
                        "inlineStr" => inline?.ToString() ?? "",
                        "e" => throw new XlsxRefusedException(sheet, rowNumber, $"工作表“{sheet}”{at}是错误值（{value}），请改为数值或文字。"),
                        _ => value ?? "",
                    };
                    if (text.Length > MaxCellLength)
                        throw new XlsxRefusedException(sheet, rowNumber, $"工作表“{sheet}”{at}内容过长：{text.Length:N0} 字，上限 {MaxCellLength:N0} 字。");
                    row[column] = text;
                }
            }
            else if (element == typeof(CellFormula) && reader.IsStartElement && row is not null)
                throw new XlsxRefusedException(sheet, rowNumber, $"工作表“{sheet}”单元格 {reference} 含公式，请复制后“粘贴为数值”再导入。");
            else if (element == typeof(CellValue) && reader.IsStartElement && row is not null)
                value = Bounded(reader.GetText(), sheet, rowNumber, reference);
            else if (element == typeof(Text) && reader.IsStartElement && row is not null)
                (inline ??= new StringBuilder()).Append(Bounded(reader.GetText(), sheet, rowNumber, reference));
        }
        return rows.Count == 0 ? null : Table(sheet, rows);
    }

    private static string Bounded(string text, string sheet, int row, string reference) => text.Length <= MaxCellLength ? text
        : throw new XlsxRefusedException(sheet, row, $"工作表“{sheet}”单元格 {reference} 内容过长：{text.Length:N0} 字，上限 {MaxCellLength:N0} 字。");

    private static string? Attribute(OpenXmlReader reader, string name) =>
        reader.Attributes.Where(a => a.LocalName == name).Select(a => a.Value).FirstOrDefault();

    /// <summary>The first row names the columns; a repeated name is refused (which of the two would count?).</summary>
    private static XlsxTable Table(string sheet, List<(int Number, Dictionary<int, string> Cells)> rows)
    {
        var header = rows[0].Cells.Where(h => h.Value.Trim() != "").OrderBy(h => h.Key).ToList();
        foreach (var duplicate in header.GroupBy(h => h.Value.Trim()).Where(g => g.Count() > 1))
            throw new XlsxRefusedException(sheet, rows[0].Number,
                $"工作表“{sheet}”第 {rows[0].Number} 行的列名“{duplicate.Key}”出现 {duplicate.Count()} 次（{string.Join("、", duplicate.Select(d => Xlsx.ColumnName(d.Key)))} 列），请只保留一列。");
        var headers = header.Select(h => h.Value.Trim()).ToList();
        var table = rows.Skip(1).Select(r => new XlsxRow(r.Number, header.ToDictionary(h => h.Value.Trim(), h => r.Cells.GetValueOrDefault(h.Key, ""))))
            .Where(r => r.Cells.Values.Any(v => v.Trim() != "")).ToList();
        return new XlsxTable(sheet, headers, table);
    }
}
