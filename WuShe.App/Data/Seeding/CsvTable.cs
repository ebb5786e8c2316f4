using System.Text;

namespace WuShe.App.Data.Seeding;

/// <summary>
/// A small RFC 4180 reader for the clerk-edited seed files: UTF-8 with or without BOM, header row, quoted fields.
/// Columns are found by their Chinese header, so their order does not matter.
/// </summary>
public sealed class CsvTable
{
    private readonly string _file;
    private readonly Dictionary<string, int> _columns;
    private readonly List<(int Line, string[] Cells)> _rows;

    private CsvTable(string file, string[] header, List<(int, string[])> rows)
    {
        _file = file;
        _columns = header.Select((h, i) => (h.Trim(), i)).ToDictionary(x => x.Item1, x => x.i);
        _rows = rows;
    }

    public static CsvTable Read(string path)
    {
        if (!File.Exists(path)) throw new SeedDataException($"找不到文件：{path}");
        return FromText(Path.GetFileName(path), File.ReadAllText(path, Encoding.UTF8));
    }

    /// <summary>A table from text already in memory (an uploaded or edited file), named <paramref name="file"/> in messages.</summary>
    public static CsvTable FromText(string file, string text)
    {
        var records = Parse(text).ToList();
        if (records.Count == 0) throw new SeedDataException($"{file} 是空文件，第 1 行应为列名。");
        return new CsvTable(file, records[0].Cells, records.Skip(1).Where(r => r.Cells.Any(c => c.Trim() != "")).ToList());
    }

    public IEnumerable<T> Rows<T>(Func<CsvRow, T> map) => _rows.Select(r => map(new CsvRow(this, r.Line, r.Cells)));

    public readonly struct CsvRow
    {
        private readonly CsvTable _table;
        private readonly string[] _cells;
        public int Line { get; }

        internal CsvRow(CsvTable table, int line, string[] cells)
        {
            _table = table;
            Line = line;
            _cells = cells;
        }

        public string Text(string column)
        {
            if (!_table._columns.TryGetValue(column, out var i))
                throw new SeedDataException($"{_table._file} 缺少列“{column}”，现有列：{string.Join("、", _table._columns.Keys)}。");
            return i < _cells.Length ? _cells[i].Trim() : "";
        }

        public int Number(string column) => int.TryParse(Text(column), out var n)
            ? n
            : throw new SeedDataException($"{_table._file} 第 {Line} 行“{column}”应为整数，实际为“{Text(column)}”。");
    }

    /// <summary>Every record of an RFC 4180 text with the line it starts on (a BOM is skipped; quoted fields may span lines).</summary>
    public static IEnumerable<(int Line, string[] Cells)> Parse(string text)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        int line = 1, recordLine = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; cell.Append(c); }
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n')
            {
                cells.Add(cell.ToString()); cell.Clear();
                yield return (recordLine, cells.ToArray());
                cells.Clear();
                recordLine = ++line;
            }
            else if (c != '\uFEFF' || cell.Length > 0 || cells.Count > 0) cell.Append(c);
        }
        if (cell.Length > 0 || cells.Count > 0) { cells.Add(cell.ToString()); yield return (recordLine, cells.ToArray()); }
    }
}
