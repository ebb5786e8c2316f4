using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using WuShe.App.Hosting;

namespace WuShe.App.Admin;

/// <summary>
/// 全部数据导出: everything a bureau needs to leave with its data, as one ZIP — every table as a CSV (UTF-8 with BOM, so
/// Excel opens the Chinese) with Chinese headers, every evidence file under its report with its original name, and a
/// manifest of tables, row counts and files. Read inside one read transaction, so the tables agree with each other.
/// Secrets stay behind: password hashes, security stamps and two-factor keys are not data of the campaign.
/// </summary>
public sealed class FullExport
{
    public sealed record Outcome(int Tables, long Rows, int EvidenceFiles);

    private static readonly HashSet<string> SkippedTables = new(StringComparer.Ordinal)
        { "__EFMigrationsHistory", "__EFMigrationsLock", "sqlite_sequence", "AspNetUserTokens", "AspNetUserLogins", "AspNetUserClaims" };

    /// <summary>Columns never exported (credentials).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> SecretColumns = new Dictionary<string, string[]>
    {
        ["AspNetUsers"] = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "NormalizedUserName", "NormalizedEmail"],
    };

    private readonly DataPaths _paths;

    public FullExport(IOptions<WuSheOptions> options, IHostEnvironment environment) => _paths = options.Value.ResolvePaths(environment.ContentRootPath);

    public async Task<Outcome> WriteAsync(string target, CancellationToken ct = default)
    {
        var part = target + ".part";
        try
        {
            Outcome outcome;
            await using (var file = File.Create(part))
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
                outcome = await WriteAsync(zip, ct);
            File.Move(part, target, overwrite: true);
            return outcome;
        }
        finally
        {
            if (File.Exists(part)) File.Delete(part);
        }
    }

    private async Task<Outcome> WriteAsync(ZipArchive zip, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _paths.Database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        await using var snapshot = await connection.BeginTransactionAsync(ct);
        var tables = new List<object>();
        long rows = 0;
        foreach (var table in await NamesAsync(connection, ct))
        {
            var name = ExportNames.Table(table);
            var count = await WriteTableAsync(connection, table, zip.CreateEntry($"表格/{name}.csv", CompressionLevel.Optimal), ct);
            rows += count;
            tables.Add(new { table, file = $"表格/{name}.csv", rows = count });
        }
        var evidence = await WriteEvidenceAsync(connection, zip, ct);
        await using (var manifest = zip.CreateEntry("manifest.json").Open())
            await JsonSerializer.SerializeAsync(manifest, new
            {
                format = "wushe-export/1", exportedAt = DateTimeOffset.UtcNow, tables, evidence,
                notExported = SecretColumns.SelectMany(s => s.Value.Select(c => $"{s.Key}.{c}")).Concat(SkippedTables).ToList(),
                note = "金额单位为分（100 分 = 1 元）；时间为 UTC（+00:00）或注明时区；枚举为英文代码，含义见各页面。",
            }, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }, ct);
        return new Outcome(tables.Count, rows, evidence.Count);
    }

    private static async Task<List<string>> NamesAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var names = new List<string>();
        while (await reader.ReadAsync(ct)) if (!SkippedTables.Contains(reader.GetString(0))) names.Add(reader.GetString(0));
        return names;
    }

    private static async Task<long> WriteTableAsync(SqliteConnection connection, string table, ZipArchiveEntry entry, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"")}\"";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var secret = SecretColumns.GetValueOrDefault(table, []);
        var columns = Enumerable.Range(0, reader.FieldCount).Where(i => !secret.Contains(reader.GetName(i))).ToList();
        await using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await writer.WriteLineAsync(string.Join(",", columns.Select(i => Csv(ExportNames.Column(reader.GetName(i))))));
        long rows = 0;
        while (await reader.ReadAsync(ct))
        {
            await writer.WriteLineAsync(string.Join(",", columns.Select(i => Csv(reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)))));
            rows++;
        }
        return rows;
    }

    /// <summary>Each stored evidence file under 证明材料/{区} {街镇} {期间}（报告 id）/{原文件名}; a repeated name gets "（2）".</summary>
    private async Task<List<object>> WriteEvidenceAsync(SqliteConnection connection, ZipArchive zip, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT e.Id, e.ReportId, e.OriginalName, e.StoredName, d.Name, s.Street, r.PeriodYear, r.PeriodMonth
            FROM EvidenceFiles e JOIN ProgressReports r ON r.Id = e.ReportId JOIN Sites s ON s.Id = e.SiteId JOIN Districts d ON d.Id = e.DistrictId
            ORDER BY e.ReportId, e.Id
            """;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var written = new List<object>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            var stored = Path.Combine(_paths.Evidence, reader.GetString(3));
            var folder = Safe($"{reader.GetString(4)} {reader.GetString(5)} {reader.GetInt32(6)}年{reader.GetInt32(7)}月（报告 {reader.GetInt32(1)}）");
            var name = Safe(reader.GetString(2));
            var path = $"证明材料/{folder}/{name}";
            for (var n = 2; !used.Add(path); n++) path = $"证明材料/{folder}/{Path.GetFileNameWithoutExtension(name)}（{n}）{Path.GetExtension(name)}";
            var present = File.Exists(stored);
            if (present) zip.CreateEntryFromFile(stored, path, CompressionLevel.Fastest);
            written.Add(new { id = reader.GetInt32(0), report = reader.GetInt32(1), file = present ? path : null, missing = !present });
        }
        return written;
    }

    private static string Safe(string name) => string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c)).Trim();

    private static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        value = Formula(value);
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 || value.StartsWith(' ') ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }

    /// <summary>A cell Excel would run as a formula (=, +, -, @) is written with a leading apostrophe.</summary>
    private static string Formula(string value) => value[0] is '=' or '+' or '-' or '@' && !decimal.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _) ? "'" + value : value;
}
