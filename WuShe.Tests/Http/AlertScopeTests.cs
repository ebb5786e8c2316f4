using System.Net;
using System.Net.Http.Json;
using WuShe.Tests.Support;

namespace WuShe.Tests.Http;

/// <summary>Users see only the alerts in their scope; only the city administrator runs jobs.</summary>
[Collection(AppCollection.Name)]
public class AlertScopeTests
{
    private readonly AppFixture _app;

    public AlertScopeTests(AppFixture app) => _app = app;

    [Fact]
    public async Task The_alert_export_follows_the_filter_and_the_scope()
    {
        await _app.ScanAlertsAsync();
        using var heping = await _app.SignedInClientAsync("heping");
        using var mine = await heping.GetJsonAsync("api/alerts?state=Open");
        var exported = await ReadAsync(heping, "export/alerts.xlsx?state=Open");
        Assert.Equal(mine.RootElement.GetArrayLength(), exported.Rows.Count);
        Assert.All(exported.Rows, r => Assert.Equal("和平区", r.Cells["区"]));
        Assert.All(exported.Rows, r => Assert.Equal("未处理", r.Cells["状态"]));

        using var admin = await _app.SignedInClientAsync("admin");
        using var overdue = await admin.GetJsonAsync("api/alerts?state=Open");
        var reports = await ReadAsync(admin, "export/alerts.xlsx?state=Open&rule=ReportOverdue");
        Assert.Equal(overdue.RootElement.EnumerateArray().Count(a => a.GetProperty("rule").GetString() == "进展报告逾期"), reports.Rows.Count);
        Assert.All(reports.Rows, r => Assert.Equal("进展报告逾期", r.Cells["规则"]));
    }

    private static async Task<WuShe.App.Excel.XlsxTable> ReadAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WuShe.App.Excel.XlsxReader.Read(await response.Content.ReadAsStreamAsync()).Values.Single();
    }

    [Fact]
    public async Task A_district_officer_sees_only_the_districts_alerts()
    {
        await _app.ScanAlertsAsync();
        using var heping = await _app.SignedInClientAsync("heping");
        using var mine = await heping.GetJsonAsync("api/alerts");
        var districts = mine.RootElement.EnumerateArray().Select(a => a.GetProperty("district").GetString()).Distinct().ToList();
        Assert.Equal(new[] { "和平区" }, districts);
        Assert.DoesNotContain(mine.RootElement.EnumerateArray(), a => a.GetProperty("scope").GetString() == "全市");

        using var admin = await _app.SignedInClientAsync("admin");
        using var all = await admin.GetJsonAsync("api/alerts");
        Assert.True(all.RootElement.GetArrayLength() > mine.RootElement.GetArrayLength());
        var other = all.RootElement.EnumerateArray().First(a => a.GetProperty("district").ValueKind == System.Text.Json.JsonValueKind.String
                                                                  && a.GetProperty("district").GetString() == "滨海新区").GetProperty("id").GetInt32();
        var refused = await heping.PostAsJsonAsync($"api/alerts/{other}/acknowledge", new { note = "不是本区" });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        // Several at once: one alert of another district among them refuses all, naming nothing, and changes nothing.
        var own = mine.RootElement.EnumerateArray().Where(a => a.GetProperty("state").GetInt32() == 0).Select(a => a.GetProperty("id").GetInt32()).Take(2).ToArray();
        Assert.Equal(2, own.Length);
        var bulk = await heping.PostAsJsonAsync("api/alerts/acknowledge", new { ids = own.Append(other).ToArray(), note = "一并" });
        Assert.Equal(HttpStatusCode.NotFound, bulk.StatusCode);
        Assert.DoesNotContain("滨海", await bulk.Content.ReadAsStringAsync());
        using var after = await heping.GetJsonAsync("api/alerts");
        Assert.All(after.RootElement.EnumerateArray().Where(a => own.Contains(a.GetProperty("id").GetInt32())), a => Assert.Equal(0, a.GetProperty("state").GetInt32()));
        using var viewer = await _app.SignedInClientAsync("viewer");
        Assert.NotEqual(HttpStatusCode.OK, (await viewer.PostAsJsonAsync("api/alerts/acknowledge", new { ids = own, note = "" })).StatusCode);
    }

    [Fact]
    public async Task Only_the_city_administrator_runs_jobs()
    {
        using var heping = await _app.SignedInClientAsync("heping");
        Assert.Equal(HttpStatusCode.Forbidden, (await heping.PostAsync("api/jobs/AlertScan/run", null)).StatusCode);
        using var viewer = await _app.SignedInClientAsync("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("api/jobs/AlertScan/run", null)).StatusCode);
    }
}
