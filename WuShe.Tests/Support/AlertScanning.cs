using System.Net;

namespace WuShe.Tests.Support;

public static class AlertScanning
{
    /// <summary>Runs the alert scan as the city administrator and waits until the run is recorded as finished.</summary>
    public static async Task ScanAlertsAsync(this AppFixture app)
    {
        using var admin = await app.SignedInClientAsync("admin");
        using var before = await admin.GetJsonAsync("api/jobs");
        var lastId = before.RootElement[0].GetProperty("lastRun").ValueKind == System.Text.Json.JsonValueKind.Null ? 0
            : before.RootElement[0].GetProperty("lastRun").GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("api/jobs/AlertScan/run", null)).StatusCode);
        for (var i = 0; i < 300; i++)
        {
            using var jobs = await admin.GetJsonAsync("api/jobs");
            var last = jobs.RootElement[0].GetProperty("lastRun");
            if (last.ValueKind != System.Text.Json.JsonValueKind.Null && last.GetProperty("id").GetInt64() > lastId
                && last.GetProperty("finishedAt").ValueKind != System.Text.Json.JsonValueKind.Null) return;
            await Task.Delay(200);
        }
        throw new TimeoutException("预警扫描未在 60 秒内完成。");
    }
}
