using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using WuShe.App.Hosting;
using WuShe.App.Jobs;

namespace WuShe.App.Admin;

/// <summary>What a backup archive holds, as written in its <c>manifest.json</c> and checked again on restore.</summary>
public sealed record BackupManifest(string Format, DateTimeOffset CreatedAt, string Trigger, string DatabaseSha256, long DatabaseBytes,
    string Integrity, IReadOnlyDictionary<string, long> Rows, int EvidenceFiles, long EvidenceBytes, int KeyFiles)
{
    public const string CurrentFormat = "wushe-backup/1";
}

/// <summary>A backup file as the page lists it; <see cref="Manifest"/> is null when the file cannot be read as a backup.</summary>
public sealed record BackupFile(string Name, string Path, long Bytes, DateTimeOffset WrittenAt, BackupManifest? Manifest);

/// <summary>
/// 备份与恢复. A backup is one ZIP: the database as an online snapshot (SQLite's <c>VACUUM INTO</c>, consistent while
/// writes go on — copying the live file is not), checked with <c>PRAGMA integrity_check</c> and counted table by table;
/// then the evidence files and the key ring; and a manifest with the database's SHA-256. It is written as
/// <c>.part</c> and renamed when whole. Scheduled backups are kept to <see cref="WuSheOptions.BackupRetention"/>.
/// A restore runs only while the app is stopped, verifies the archive (hash, integrity, row counts) before it touches
/// anything, and moves the current data aside instead of deleting it.
/// </summary>
public sealed class Backups
{
    public const string JobName = "Backup";
    private const string DatabaseEntry = "database/wushe.db", ManifestEntry = "manifest.json", EvidenceFolder = "evidence/", KeysFolder = "keys/";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly DataPaths _paths;
    private readonly int _retention;

    public Backups(IOptions<WuSheOptions> options, IHostEnvironment environment)
        : this(options.Value.ResolvePaths(environment.ContentRootPath), options.Value.BackupRetention) { }

    public Backups(DataPaths paths, int retention)
    {
        _paths = paths;
        _retention = Math.Max(1, retention);
    }

    public string Folder => _paths.Backups;

    /// <summary>Writes a backup to <paramref name="target"/> (default: a dated file in the backups folder, with retention).</summary>
    public async Task<BackupFile> CreateAsync(string trigger, string? target = null, CancellationToken ct = default)
    {
        var scheduled = target is null;
        target = Path.GetFullPath(target ?? Path.Combine(_paths.Backups, $"wushe-backup-{DateTime.UtcNow.AddHours(8):yyyyMMdd-HHmmss-fff}.zip"));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var work = Directory.CreateTempSubdirectory("wushe-backup-");
        var part = target + ".part";
        try
        {
            var snapshot = Path.Combine(work.FullName, "wushe.db");
            await SnapshotAsync(snapshot, ct);
            var (integrity, rows) = await InspectAsync(snapshot, ct);
            if (integrity != "ok") throw new InvalidOperationException($"数据库快照未通过完整性检查：{integrity}");
            var evidence = Files(_paths.Evidence);
            var keys = Files(_paths.Keys);
            var manifest = new BackupManifest(BackupManifest.CurrentFormat, DateTimeOffset.UtcNow, trigger, await Sha256Async(snapshot, ct),
                new FileInfo(snapshot).Length, integrity, rows, evidence.Count, evidence.Sum(f => new FileInfo(f).Length), keys.Count);
            await using (var file = File.Create(part))
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
            {
                zip.CreateEntryFromFile(snapshot, DatabaseEntry, CompressionLevel.Optimal);
                foreach (var f in evidence) zip.CreateEntryFromFile(f, EvidenceFolder + Relative(_paths.Evidence, f), CompressionLevel.Fastest);
                foreach (var f in keys) zip.CreateEntryFromFile(f, KeysFolder + Relative(_paths.Keys, f), CompressionLevel.Optimal);
                await using var entry = zip.CreateEntry(ManifestEntry).Open();
                await JsonSerializer.SerializeAsync(entry, manifest, Json, ct);
            }
            File.Move(part, target, overwrite: true);
            if (scheduled) Prune();
            return Describe(target);
        }
        finally
        {
            if (File.Exists(part)) File.Delete(part);
            work.Delete(recursive: true);
        }
    }

    /// <summary>Backups in the backups folder, newest first.</summary>
    public IReadOnlyList<BackupFile> List() => !Directory.Exists(_paths.Backups) ? []
        : Directory.EnumerateFiles(_paths.Backups, "*.zip").Select(Describe).OrderByDescending(b => b.WrittenAt).ToList();

    /// <summary>Reads the archive again: the database's hash and integrity and its row counts against the manifest.</summary>
    public async Task<BackupManifest> VerifyAsync(string archive, CancellationToken ct = default)
    {
        var work = Directory.CreateTempSubdirectory("wushe-verify-");
        try
        {
            return await ExtractVerifiedAsync(archive, work.FullName, ct);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Replaces the installation's database, evidence and key ring with the archive's. Refused while the app runs (it
    /// holds <see cref="InstanceLock"/>) and when the archive does not verify; the data it replaces is moved to a
    /// <c>before-restore-…</c> folder, not deleted. Returns that folder.
    /// </summary>
    public async Task<(BackupManifest Manifest, string MovedAside)> RestoreAsync(string archive, CancellationToken ct = default)
    {
        using var running = InstanceLock.TryAcquire(_paths.Folder)
            ?? throw new BackupRefusedException("应用正在运行（数据库被占用），请先停止应用再恢复。");
        var stamp = DateTime.UtcNow.AddHours(8).ToString("yyyyMMdd-HHmmss");
        var staging = Path.Combine(_paths.Folder, $".restore-{stamp}");
        Directory.CreateDirectory(staging);
        try
        {
            var manifest = await ExtractVerifiedAsync(archive, staging, ct);
            var aside = Path.Combine(_paths.Folder, $"before-restore-{stamp}");
            Directory.CreateDirectory(aside);
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                if (File.Exists(_paths.Database + suffix)) File.Move(_paths.Database + suffix, Path.Combine(aside, Path.GetFileName(_paths.Database) + suffix));
            MoveFolder(_paths.Evidence, Path.Combine(aside, "evidence"));
            MoveFolder(_paths.Keys, Path.Combine(aside, "keys"));
            File.Move(Path.Combine(staging, "wushe.db"), _paths.Database);
            MoveFolder(Path.Combine(staging, "evidence"), _paths.Evidence);
            MoveFolder(Path.Combine(staging, "keys"), _paths.Keys);
            return (manifest, aside);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    private async Task SnapshotAsync(string target, CancellationToken ct)
    {
        if (!File.Exists(_paths.Database)) throw new BackupRefusedException($"找不到数据库文件 {_paths.Database}。");
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _paths.Database, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $target";
        command.Parameters.AddWithValue("$target", target);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary><c>PRAGMA integrity_check</c> and every table's row count, on a file no one else has open.</summary>
    internal static async Task<(string Integrity, IReadOnlyDictionary<string, long> Rows)> InspectAsync(string database, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync(ct);
        var integrity = string.Join("；", await ColumnAsync(connection, "PRAGMA integrity_check", ct));
        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in await ColumnAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name", ct))
            rows[table] = long.Parse((await ColumnAsync(connection, $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"")}\"", ct))[0]);
        return (integrity, rows);
    }

    private static async Task<List<string>> ColumnAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var values = new List<string>();
        while (await reader.ReadAsync(ct)) values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }

    /// <summary>Extracts into <paramref name="folder"/> (wushe.db, evidence/, keys/) and checks it against the manifest.</summary>
    private static async Task<BackupManifest> ExtractVerifiedAsync(string archive, string folder, CancellationToken ct)
    {
        if (!File.Exists(archive)) throw new BackupRefusedException($"找不到备份文件 {archive}。");
        BackupManifest manifest;
        try
        {
            using var zip = ZipFile.OpenRead(archive);
            var manifestEntry = zip.GetEntry(ManifestEntry) ?? throw new BackupRefusedException("文件中没有 manifest.json，不是 WuShe 备份。");
            await using (var stream = manifestEntry.Open())
                manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, Json, ct) ?? throw new BackupRefusedException("manifest.json 为空。");
            if (manifest.Format != BackupManifest.CurrentFormat) throw new BackupRefusedException($"备份格式“{manifest.Format}”不受支持。");
            var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
            foreach (var entry in zip.Entries.Where(e => e.FullName != ManifestEntry && !e.FullName.EndsWith('/')))
            {
                var name = entry.FullName == DatabaseEntry ? "wushe.db" : entry.FullName;
                var path = Path.GetFullPath(Path.Combine(folder, name));
                if (!path.StartsWith(root, StringComparison.Ordinal) || !(entry.FullName == DatabaseEntry || name.StartsWith(EvidenceFolder) || name.StartsWith(KeysFolder)))
                    throw new BackupRefusedException($"备份中含有不应出现的文件“{entry.FullName}”，已拒绝。");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                entry.ExtractToFile(path);
            }
        }
        catch (InvalidDataException)
        {
            throw new BackupRefusedException("备份文件已损坏，无法读取。");
        }
        var database = Path.Combine(folder, "wushe.db");
        if (!File.Exists(database)) throw new BackupRefusedException("备份中没有数据库文件。");
        if (await Sha256Async(database, ct) != manifest.DatabaseSha256) throw new BackupRefusedException("数据库文件的校验值与清单不符，备份已损坏或被改动。");
        var (integrity, rows) = await InspectAsync(database, ct);
        if (integrity != "ok") throw new BackupRefusedException($"备份中的数据库未通过完整性检查：{integrity}");
        var differing = manifest.Rows.Where(r => rows.GetValueOrDefault(r.Key, -1) != r.Value).Select(r => r.Key).ToList();
        if (differing.Count > 0) throw new BackupRefusedException($"备份中的数据表行数与清单不符：{string.Join("、", differing)}。");
        var evidence = Files(Path.Combine(folder, "evidence")).Count;
        if (evidence != manifest.EvidenceFiles) throw new BackupRefusedException($"备份中的证明材料为 {evidence} 个，清单为 {manifest.EvidenceFiles} 个。");
        return manifest;
    }

    private void Prune()
    {
        foreach (var old in List().Where(b => Path.GetFileName(b.Path).StartsWith("wushe-backup-")).Skip(_retention))
            File.Delete(old.Path);
    }

    private static BackupFile Describe(string path)
    {
        var info = new FileInfo(path);
        BackupManifest? manifest = null;
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.GetEntry(ManifestEntry) is { } entry)
            {
                using var stream = entry.Open();
                manifest = JsonSerializer.Deserialize<BackupManifest>(stream, Json);
            }
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or IOException) { }
        return new BackupFile(info.Name, info.FullName, info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero), manifest);
    }

    private static List<string> Files(string folder) => Directory.Exists(folder)
        ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList() : [];

    private static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');

    private static async Task<string> Sha256Async(string file, CancellationToken ct)
    {
        await using var stream = File.OpenRead(file);
        return Convert.ToHexString(await SHA256.HashDataAsync(stream, ct));
    }

    private static void MoveFolder(string from, string to)
    {
        if (!Directory.Exists(from)) return;
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        Directory.Move(from, to);
    }
}

/// <summary>A backup or restore refused, with the reason in Chinese.</summary>
public sealed class BackupRefusedException(string message) : Exception(message);

/// <summary>The scheduled backup, recorded like every job run.</summary>
[Quartz.DisallowConcurrentExecution]
public sealed class BackupJob(Backups backups, JobLedger ledger) : Quartz.IJob
{
    public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken ct)
    {
        var start = ScheduledJobs.StartOf(context, Backups.JobName);
        await ledger.RunAsync(start, async token =>
        {
            var file = await backups.CreateAsync(start.Trigger, ct: token);
            return run => run.Succeed(DateTimeOffset.UtcNow, 0, 0, 0,
                $"成功：{file.Name}，{file.Bytes / 1024.0 / 1024.0:0.0} MB，数据库完整性检查通过，证明材料 {file.Manifest!.EvidenceFiles} 个");
        }, ct);
    }
}
