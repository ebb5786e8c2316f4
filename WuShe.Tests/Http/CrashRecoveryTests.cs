using System.Net;
using System.Net.Http.Headers;
using Microsoft.Data.Sqlite;
using WuShe.Tests.Support;

namespace WuShe.Tests.Http;

/// <summary>
/// kill -9 of the app process while the cron-fired alert scan (every second), a city report batch and Excel imports all
/// run; after the restart the database is intact, no run is left 运行中, no fire time ran twice, each import is all or
/// nothing, and the batch is made again from the start and offered only when whole.
/// </summary>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private readonly AppFixture _app = new() { Settings = { ["WuShe__JobSchedules__AlertScan"] = "* * * * * ?" } };

    public Task InitializeAsync() => _app.InitializeAsync();
    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task After_kill_9_during_scans_a_batch_and_imports_nothing_is_half_saved_or_stuck_and_the_batch_completes()
    {
        using var admin = await _app.SignedInClientAsync("admin");
        using var station = await _app.SignedInClientAsync("nanshi");
        var site = await _app.SiteIdAsync("南市街道");
        var template = await station.GetByteArrayAsync($"export/progress-template.xlsx?site={site}&year=2024&month=3");

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("api/reports/batches", null)).StatusCode);
        await WaitAsync("SELECT COUNT(*) FROM ReportBatches WHERE Done >= 1");
        await WaitAsync("SELECT COUNT(*) FROM JobRuns WHERE Trigger = '定时'");
        using var importing = new CancellationTokenSource();
        var answered = 0;
        var firstAnswer = new TaskCompletionSource();
        var imports = Task.Run(async () =>
        {
            while (!importing.IsCancellationRequested)
            {
                using var form = new MultipartFormDataContent();
                var file = new ByteArrayContent(template);
                file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                form.Add(file, "file", "进展.xlsx");
                try { await station.PostAsync("api/progress/import", form); } catch (HttpRequestException) { return; }
                if (Interlocked.Increment(ref answered) == 1) firstAnswer.TrySetResult();
            }
        });
        await firstAnswer.Task; // imports now follow one another; the kill lands wherever the work is
        await _app.StopAsync();  // kill -9
        importing.Cancel();
        await imports;

        var killedAt = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.fffffff") + "+00:00";
        await _app.StartAgainAsync();
        Assert.Equal("ok", await ScalarAsync<string>("PRAGMA integrity_check"));
        await WaitAsync("SELECT COUNT(*) FROM ReportBatches WHERE State = 'Completed'");
        // Every run the kill cut off is marked 中断 at start-up; runs of the new process may still be going.
        await WaitAsync($"SELECT COUNT(*) = 0 FROM JobRuns WHERE FinishedAt IS NULL AND StartedAt < '{killedAt}'");
        Assert.Equal(0L, await ScalarAsync<long>(
            "SELECT COUNT(*) FROM (SELECT Job, ScheduledFor FROM JobRuns WHERE ScheduledFor IS NOT NULL AND Interrupted = 0 GROUP BY Job, ScheduledFor HAVING COUNT(*) > 1)"));
        // Each import is one transaction with its audit entry: as many March reports as recorded imports that created one (0 or 1).
        var reports = await ScalarAsync<long>($"SELECT COUNT(*) FROM ProgressReports WHERE SiteId = {site} AND PeriodYear = 2024 AND PeriodMonth = 3");
        Assert.True(reports <= 1);
        var batch = await ScalarAsync<string>("SELECT Total || '/' || Done || '/' || Restarts FROM ReportBatches");
        var parts = batch.Split('/');
        Assert.Equal(parts[0], parts[1]);
        Assert.Equal("1", parts[2]);

        var zip = await admin.GetAsync($"reports/batches/{await ScalarAsync<long>("SELECT Id FROM ReportBatches")}.zip");
        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        using var archive = new System.IO.Compression.ZipArchive(await zip.Content.ReadAsStreamAsync());
        Assert.Equal(int.Parse(parts[0]), archive.Entries.Count);
        Assert.Empty(Directory.GetFiles(Path.Combine(Path.GetDirectoryName(_app.DatabasePath)!, "batches"), "*.part"));
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_app.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Polls until a count query is positive (the app writes it; no fixed sleep stands in for the event).</summary>
    private async Task WaitAsync(string countSql)
    {
        for (var i = 0; i < 1200; i++)
        {
            if (await ScalarAsync<long>(countSql) > 0) return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"60 秒内未出现：{countSql}\n{_app.Log[^Math.Min(_app.Log.Length, 4000)..]}");
    }
}
