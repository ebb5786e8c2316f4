using System.IO.Compression;
using System.Net;
using WuShe.Tests.Support;

namespace WuShe.Tests.Http;

/// <summary>
/// The operator's round trip through the real commands: an online backup while the app runs, a restore refused while it
/// runs, then accepted once it is stopped, after which the app serves the data as it was (and signed-in users stay signed
/// in: the key ring came back too). Downloads of backups and of the full export: the city administrator only, audited.
/// </summary>
public sealed class BackupCommandTests : IAsyncLifetime
{
    private readonly AppFixture _app = new();
    private readonly TempFolder _files = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _files.Dispose();
    }

    [Fact]
    public async Task Backup_while_running_then_restore_after_stopping_brings_back_the_data_and_the_sessions()
    {
        using var station = await _app.SignedInClientAsync("nanshi");
        var site = await _app.SiteIdAsync("南市街道");
        var april = int.Parse(await (await station.PostAsync($"api/sites/{site}/reports/2024/4", null)).Content.ReadAsStringAsync());

        var archive = _files.File("备份.zip");
        var (exit, output, error) = await _app.RunCommandAsync(null, "backup", "--out", archive);
        Assert.True(exit == 0, error);
        Assert.Contains("完整性检查通过", output);

        var march = int.Parse(await (await station.PostAsync($"api/sites/{site}/reports/2024/3", null)).Content.ReadAsStringAsync());
        (exit, _, error) = await _app.RunCommandAsync(null, "restore", archive);
        Assert.Equal(1, exit);
        Assert.Contains("正在运行", error);
        Assert.Equal(HttpStatusCode.OK, (await station.GetAsync($"api/reports/{march}")).StatusCode);

        await _app.StopAsync();
        (exit, output, error) = await _app.RunCommandAsync(null, "restore", archive);
        Assert.True(exit == 0, error);
        Assert.Contains("已从", output);
        await _app.StartAgainAsync();

        Assert.Equal(HttpStatusCode.OK, (await station.GetAsync($"api/reports/{april}")).StatusCode);  // same cookie: keys restored
        Assert.Equal(HttpStatusCode.NotFound, (await station.GetAsync($"api/reports/{march}")).StatusCode); // made after the backup
        Assert.Single(Directory.GetDirectories(Path.GetDirectoryName(_app.DatabasePath)!, "before-restore-*"));
    }

    [Fact]
    public async Task The_full_export_and_backup_downloads_are_for_the_city_administrator_and_are_audited()
    {
        using var admin = await _app.SignedInClientAsync("admin");
        using var officer = await _app.SignedInClientAsync("heping");
        using var viewer = await _app.SignedInClientAsync("viewer");

        var export = await admin.GetAsync("export/all.zip");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using (var zip = new ZipArchive(await export.Content.ReadAsStreamAsync()))
        {
            Assert.NotNull(zip.GetEntry("manifest.json"));
            Assert.NotNull(zip.GetEntry("表格/创建点.csv"));
        }
        await AssertRefusedAsync(officer, "export/all.zip");
        await AssertRefusedAsync(viewer, "export/all.zip");

        var (exit, _, error) = await _app.RunCommandAsync(null, "backup");
        Assert.True(exit == 0, error);
        var page = await admin.GetStringAsync("admin/backups");
        var name = System.Text.RegularExpressions.Regex.Match(page, @"wushe-backup-[\d-]+\.zip").Value;
        Assert.NotEqual("", name);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"admin/backups/{name}")).StatusCode);
        await AssertRefusedAsync(officer, $"admin/backups/{name}");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("admin/backups/..%2Fwushe.db")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("admin/backups/wushe.lock.zip")).StatusCode);

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_app.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(Action || '：' || Role, '；') FROM AuditEntries WHERE EntityType = '数据'";
        var audited = (string)(await command.ExecuteScalarAsync())!;
        Assert.Contains("导出全部数据：", audited);
        Assert.Contains("下载备份：", audited);
    }

    /// <summary>A refused download: no file (the cookie scheme answers a signed-in user's refusal with the access-denied page).</summary>
    private static async Task AssertRefusedAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{path}: {(int)response.StatusCode}");
        Assert.NotEqual("application/zip", response.Content.Headers.ContentType?.MediaType);
        if (response.StatusCode == HttpStatusCode.Redirect) Assert.Contains("access-denied", response.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
