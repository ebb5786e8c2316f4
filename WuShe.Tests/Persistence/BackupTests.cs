using System.IO.Compression;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WuShe.App.Admin;
using WuShe.App.Hosting;
using WuShe.App.Progress;
using WuShe.Domain.Auditing;
using WuShe.Tests.Support;

namespace WuShe.Tests.Persistence;

/// <summary>Online backups, their verification and refusals, the full export, and evidence that never leaves an orphan file.</summary>
public class BackupTests : SeededApp
{
    private const string Marker = "备份测试写入";

    [Fact]
    public async Task A_backup_taken_while_writes_run_verifies_and_holds_every_row_committed_before_it()
    {
        var (admin, _) = await UserAsync("admin");
        var committed = 0;
        var twenty = new TaskCompletionSource();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await using var db = NewContext();
                db.AuditEntries.Add(new AuditEntry(admin, DateTimeOffset.UtcNow, Marker, "测试", committed, null, $"第 {committed} 行", null, "[]"));
                await db.SaveChangesAsync();
                if (Interlocked.Increment(ref committed) == 20) twenty.TrySetResult();
            }
        });
        await twenty.Task;
        var before = Volatile.Read(ref committed);
        var backup = await Service<Backups>().CreateAsync("测试");
        var after = Volatile.Read(ref committed);
        stop.Cancel();
        await writer;

        Assert.Equal("ok", backup.Manifest!.Integrity);
        var verified = await Service<Backups>().VerifyAsync(backup.Path);
        Assert.Equal(backup.Manifest.DatabaseSha256, verified.DatabaseSha256);
        var inBackup = await CountInBackupAsync(backup.Path, $"SELECT COUNT(*) FROM AuditEntries WHERE Action = '{Marker}'");
        Assert.InRange(inBackup, before, after);
        Assert.True(after > before || inBackup == before);
        Assert.Contains(backup.Manifest.Rows, r => r.Key == "Sites" && r.Value > 0);
    }

    [Fact]
    public async Task Scheduled_backups_keep_the_configured_number()
    {
        var paths = Service<IOptions<WuSheOptions>>().Value.ResolvePaths(Service<IHostEnvironment>().ContentRootPath);
        var backups = new Backups(paths, retention: 2);
        for (var i = 0; i < 3; i++) await backups.CreateAsync("测试");
        Assert.Equal(2, backups.List().Count);
    }

    [Fact]
    public async Task A_tampered_or_foreign_archive_is_refused_and_a_restore_waits_for_the_app_to_stop()
    {
        var backups = Service<Backups>();
        var good = await backups.CreateAsync("测试");

        var tampered = Path.Combine(backups.Folder, "tampered.zip");
        File.Copy(good.Path, tampered);
        using (var zip = ZipFile.Open(tampered, ZipArchiveMode.Update))
        {
            zip.GetEntry("database/wushe.db")!.Delete();
            using var entry = zip.CreateEntry("database/wushe.db").Open();
            entry.Write(Encoding.UTF8.GetBytes("不是数据库"));
        }
        Assert.Contains("校验值", (await Assert.ThrowsAsync<BackupRefusedException>(() => backups.VerifyAsync(tampered))).Message);

        var escaping = Path.Combine(backups.Folder, "escaping.zip");
        File.Copy(good.Path, escaping);
        using (var zip = ZipFile.Open(escaping, ZipArchiveMode.Update))
        using (var entry = zip.CreateEntry("../../outside.txt").Open())
            entry.Write("越界"u8);
        Assert.Contains("不应出现的文件", (await Assert.ThrowsAsync<BackupRefusedException>(() => backups.VerifyAsync(escaping))).Message);

        var paths = Service<IOptions<WuSheOptions>>().Value.ResolvePaths(Service<IHostEnvironment>().ContentRootPath);
        using (InstanceLock.TryAcquire(paths.Folder))
            Assert.Contains("正在运行", (await Assert.ThrowsAsync<BackupRefusedException>(() => backups.RestoreAsync(good.Path))).Message);
        Assert.True(File.Exists(paths.Database)); // refused before touching anything
    }

    [Fact]
    public async Task The_full_export_holds_every_table_with_Chinese_headers_every_evidence_file_and_no_secrets()
    {
        var (station, scope) = await UserAsync("nanshi");
        var reportId = await Service<ProgressApplications>().OpenAsync(station, scope, station.SiteId!.Value, 2024, 4);
        var receipt = Encoding.UTF8.GetBytes("%PDF-1.4 收据 全部导出");
        await Service<EvidenceStore>().UploadAsync(station, scope, reportId, null, "捐赠收据.pdf", receipt.Length, new MemoryStream(receipt));
        var target = Path.Combine(Path.GetTempPath(), $"wushe-export-test-{Guid.NewGuid():N}.zip");
        try
        {
            var outcome = await Service<FullExport>().WriteAsync(target);
            using var zip = ZipFile.OpenRead(target);
            await using var db = NewContext();
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('AspNetUserTokens','AspNetUserLogins','AspNetUserClaims')";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
            }
            Assert.Equal(tables.Count, outcome.Tables);
            foreach (var table in tables)
            {
                var entry = zip.GetEntry($"表格/{ExportNames.Table(table)}.csv");
                Assert.True(entry is not null, $"缺少 {table}");
                var lines = WuShe.App.Data.Seeding.CsvTable.Parse(new StreamReader(entry!.Open(), Encoding.UTF8).ReadToEnd()).Select(r => r.Cells).ToList();
                await using var count = connection.CreateCommand();
                count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
                Assert.Equal((long)(await count.ExecuteScalarAsync())!, lines.Count - 1);
                Assert.All(lines[0], h => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", h));
            }
            var accounts = new StreamReader(zip.GetEntry("表格/账号.csv")!.Open()).ReadToEnd();
            Assert.DoesNotContain("AQAAAA", accounts); // no Identity password hash
            var evidence = Assert.Single(zip.Entries, e => e.FullName.StartsWith("证明材料/"));
            Assert.EndsWith("/捐赠收据.pdf", evidence.FullName);
            Assert.Contains("南市街道", evidence.FullName);
            using var copy = new MemoryStream();
            evidence.Open().CopyTo(copy);
            Assert.Equal(receipt, copy.ToArray());
            Assert.NotNull(zip.GetEntry("manifest.json"));
        }
        finally
        {
            File.Delete(target);
        }
    }

    [Fact]
    public async Task Evidence_whose_content_is_not_its_type_is_refused_and_leaves_no_file()
    {
        var (station, scope) = await UserAsync("nanshi");
        var reportId = await Service<ProgressApplications>().OpenAsync(station, scope, station.SiteId!.Value, 2024, 4);
        var html = "<html><script>alert(1)</script></html>"u8.ToArray();
        var refused = await Assert.ThrowsAsync<WuShe.Domain.Common.DomainException>(() =>
            Service<EvidenceStore>().UploadAsync(station, scope, reportId, null, "照片.png", html.Length, new MemoryStream(html)));
        Assert.Contains("内容与文件类型不符", refused.Message);
        var root = Service<IOptions<WuSheOptions>>().Value.ResolveEvidencePath(Service<IHostEnvironment>().ContentRootPath);
        Assert.Empty(Directory.Exists(root) ? Directory.GetFiles(root) : []);
        await using var db = NewContext();
        Assert.Equal(0, await db.EvidenceFiles.CountAsync());

        var big = new byte[WuShe.Domain.Progress.EvidenceFile.MaxBytes + 1];
        "%PDF-"u8.CopyTo(big);
        await Assert.ThrowsAsync<WuShe.Domain.Common.DomainException>(() =>
            Service<EvidenceStore>().UploadAsync(station, scope, reportId, null, "大.pdf", 1000, new MemoryStream(big)));
        Assert.Empty(Directory.GetFiles(root));
    }

    [Fact]
    public void A_full_disk_is_recognised_and_said_in_Chinese()
    {
        var full = Assert.ThrowsAny<IOException>(() => File.WriteAllBytes("/dev/full", new byte[1 << 16]));
        Assert.Equal(StorageFaults.DiskFull, StorageFaults.Describe(new InvalidOperationException("外层", full)));
        Assert.Equal(StorageFaults.DiskFull, CommandRefusals.MessageOf(full));
        Assert.Null(StorageFaults.Describe(new InvalidOperationException("其他错误")));
    }

    [Fact]
    public async Task Every_column_of_every_exported_table_has_a_Chinese_name()
    {
        await using var db = NewContext();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'";
        await using var reader = await command.ExecuteReaderAsync();
        var missing = new List<string>();
        while (await reader.ReadAsync())
        {
            var (table, column) = (reader.GetString(0), reader.GetString(1));
            if (table.StartsWith("__") || table.StartsWith("sqlite_") || table is "AspNetUserTokens" or "AspNetUserLogins" or "AspNetUserClaims") continue;
            if (FullExport.SecretColumns.GetValueOrDefault(table, []).Contains(column)) continue;
            if (!ExportNames.HasChinese(table, column)) missing.Add($"{table}.{column}");
        }
        Assert.Empty(missing);
    }

    private async Task<long> CountInBackupAsync(string archive, string sql)
    {
        var folder = Directory.CreateTempSubdirectory("wushe-backup-read-");
        try
        {
            using (var zip = ZipFile.OpenRead(archive)) zip.GetEntry("database/wushe.db")!.ExtractToFile(Path.Combine(folder.FullName, "wushe.db"));
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder.FullName, "wushe.db")};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return (long)(await command.ExecuteScalarAsync())!;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
