using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using WuShe.Tests.Support;

namespace WuShe.Tests.Http;

/// <summary>
/// Malformed and absurd JSON requests and query values, through the real sign-in and antiforgery: each answers 400 with
/// a Chinese message (never 500, never an empty body), and none of them changes a row.
/// </summary>
public sealed class HostileJsonTests : IClassFixture<HostileJsonTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public AppFixture App { get; } = new();
        public HttpClient Officer { get; private set; } = default!;
        public HttpClient Station { get; private set; } = default!;
        public HttpClient Admin { get; private set; } = default!;
        public int SiteId, ReportId, ReportVersion, DraftId;

        public async Task InitializeAsync()
        {
            await App.InitializeAsync();
            Officer = await App.SignedInClientAsync("heping");
            Station = await App.SignedInClientAsync("nanshi");
            Admin = await App.SignedInClientAsync("admin");
            SiteId = await App.SiteIdAsync("南市街道");
            var opened = await Station.PostAsync($"api/sites/{SiteId}/reports/2024/4", null);
            ReportId = int.Parse(await opened.Content.ReadAsStringAsync());
            using var report = await Station.GetJsonAsync($"api/reports/{ReportId}");
            ReportVersion = report.RootElement.GetProperty("version").GetInt32();
            var draft = await Officer.PostAsync("api/applications", Json(ValidApplication().ToJsonString()));
            Assert.True(draft.StatusCode == HttpStatusCode.OK, await draft.Content.ReadAsStringAsync());
            DraftId = int.Parse(await draft.Content.ReadAsStringAsync());
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private readonly Fixture _f;
    public HostileJsonTests(Fixture fixture) => _f = fixture;

    public static JsonObject ValidApplication() => JsonNode.Parse("""
        {"street":"测试街道","communities":[{"name":"甲社区","residentPopulation":8000,"populationSource":"社区台账","populationYear":2023},
          {"name":"乙社区","residentPopulation":6000,"populationSource":"社区台账","populationYear":2023}],
         "stationName":"测试街道社会工作服务站","stationAddress":"测试路 1 号",
         "socialWorkers":[{"name":"张三","contract":"HT-1","certificate":"中级"},{"name":"李四","contract":"HT-2","certificate":"初级"}],
         "fundCharity":"天津市慈善协会","fundCharityHasPublicFundraisingStatus":true,"serviceAreas":1,
         "otherServiceArea":"","contactName":"王五","contactPhone":"13800000000"}
        """)!.AsObject();

    private static JsonObject Content(Action<JsonObject> change)
    {
        var content = JsonNode.Parse("""
            {"fullTimeSocialWorkers":2,"fundEstablished":false,"fundCharity":"","fundCharityHasPublicFundraisingStatus":false,"fundSetUpOn":null,
             "communities":[],"organisations":[],"donations":[],"activities":[],"promotions":[]}
            """)!.AsObject();
        change(content);
        return content;
    }

    private static JsonObject Donation(string amountFen, string receivedAt = "2024-04-08T10:00:00+08:00") => JsonNode.Parse(
        $$"""{"key":"{{Guid.NewGuid()}}","receivedAt":"{{receivedAt}}","donor":"某企业","kind":0,"description":"","amountFen":{{amountFen}}}""")!.AsObject();

    private static JsonObject Activity(string heldOn, string title = "助老服务") => JsonNode.Parse(
        $$"""{"key":"{{Guid.NewGuid()}}","area":1,"heldOn":"{{heldOn}}","title":"{{title}}","beneficiaries":10}""")!.AsObject();

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static JsonArray Repeat(Func<JsonNode> item, int count) => new(Enumerable.Range(0, count).Select(_ => item()).ToArray());

    /// <summary>Name → (who, method, path, body). Paths and bodies take the fixture's ids.</summary>
    public static TheoryData<string> Cases() => new(HostileCases.Keys);

    private static readonly Dictionary<string, Func<Fixture, (HttpClient Client, HttpMethod Method, string Path, string? Body)>> HostileCases = new()
    {
        ["申报：请求体为 null"] = f => (f.Officer, HttpMethod.Post, "api/applications", "null"),
        ["申报：不是 JSON"] = f => (f.Officer, HttpMethod.Post, "api/applications", "{{{"),
        ["申报：空对象"] = f => (f.Officer, HttpMethod.Post, "api/applications", "{}"),
        ["申报：communities 为 null"] = f => (f.Officer, HttpMethod.Post, "api/applications", With(ValidApplication(), a => a["communities"] = null)),
        ["申报：communities 含 null"] = f => (f.Officer, HttpMethod.Post, "api/applications", With(ValidApplication(), a => a["communities"] = new JsonArray((JsonNode?)null))),
        ["申报：街镇为数字"] = f => (f.Officer, HttpMethod.Post, "api/applications", With(ValidApplication(), a => a["street"] = 123)),
        ["申报：街镇 2 万字"] = f => (f.Officer, HttpMethod.Post, "api/applications", With(ValidApplication(), a => a["street"] = new string('街', 20_000))),
        ["申报：街镇 500 字"] = f => (f.Officer, HttpMethod.Post, "api/applications", With(ValidApplication(), a => a["street"] = new string('街', 500))),
        ["申报：服务领域不存在"] = f => (f.Officer, HttpMethod.Post, "api/applications", With(ValidApplication(), a => a["serviceAreas"] = "Nothing")),
        ["申报：人口 10^20"] = f => (f.Officer, HttpMethod.Post, "api/applications", With(ValidApplication(), a => a["communities"]![0]!["residentPopulation"] = JsonValue.Create(1e20))),
        ["申报：人口为负"] = f => (f.Officer, HttpMethod.Post, "api/applications", With(ValidApplication(), a => a["communities"]![0]!["residentPopulation"] = -5)),
        ["申报：统计年份 10000"] = f => (f.Officer, HttpMethod.Post, "api/applications", With(ValidApplication(), a => a["communities"]![0]!["populationYear"] = 10000)),
        ["申报：5000 名社工"] = f => (f.Officer, HttpMethod.Post, "api/applications", With(ValidApplication(), a => a["socialWorkers"] = Repeat(() => JsonNode.Parse("""{"name":"某","contract":"HT","certificate":""}""")!, 5000))),
        ["申报：嵌套 100 层"] = f => (f.Officer, HttpMethod.Post, "api/applications", new string('[', 100) + new string(']', 100)),
        ["修改申报：details 为 null"] = f => (f.Officer, HttpMethod.Put, $"api/applications/{f.DraftId}", """{"version":1,"details":null}"""),
        ["修改申报：version 为文字"] = f => (f.Officer, HttpMethod.Put, $"api/applications/{f.DraftId}", """{"version":"一","details":null}"""),
        ["提交申报：请求体缺失"] = f => (f.Officer, HttpMethod.Post, $"api/sites/{f.DraftId}/submit", null),
        ["进展：年份 0"] = f => (f.Station, HttpMethod.Post, $"api/sites/{f.SiteId}/reports/0/1", null),
        ["进展：年份 10000"] = f => (f.Station, HttpMethod.Post, $"api/sites/{f.SiteId}/reports/10000/1", null),
        ["进展：月份 13"] = f => (f.Station, HttpMethod.Post, $"api/sites/{f.SiteId}/reports/2024/13", null),
        ["进展：月份 0"] = f => (f.Station, HttpMethod.Post, $"api/sites/{f.SiteId}/reports/2024/0", null),
        ["进展：早于首个填报期"] = f => (f.Station, HttpMethod.Post, $"api/sites/{f.SiteId}/reports/2023/1", null),
        ["进展：content 为 null"] = f => (f.Station, HttpMethod.Put, $"api/reports/{f.ReportId}", $$"""{"version":{{f.ReportVersion}},"content":null}"""),
        ["进展：两笔各 5×10^16 元"] = f => Save(f, c => c["donations"] = new JsonArray(Donation("5000000000000000000"), Donation("5000000000000000000"))),
        ["进展：一笔 1 亿零 1 分"] = f => Save(f, c => c["donations"] = new JsonArray(Donation("10000000001"))),
        ["进展：金额 10^30 分"] = f => Save(f, c => c["donations"] = new JsonArray(Donation("1000000000000000000000000000000"))),
        ["进展：捐赠时间 9999-12-31"] = f => Save(f, c => c["donations"] = new JsonArray(Donation("100", "9999-12-31T23:59:59+00:00"))),
        ["进展：活动日期 0001-01-01"] = f => Save(f, c => c["activities"] = new JsonArray(Activity("0001-01-01"))),
        ["进展：活动日期 2173-10-13"] = f => Save(f, c => c["activities"] = new JsonArray(Activity("2173-10-13"))),
        ["进展：活动日期 5/3"] = f => Save(f, c => c["activities"] = new JsonArray(Activity("5/3"))),
        ["进展：活动名称 100 万字"] = f => Save(f, c => c["activities"] = new JsonArray(Activity("2024-04-08", new string('名', 1_000_000)))),
        ["进展：活动名称 300 字"] = f => Save(f, c => c["activities"] = new JsonArray(Activity("2024-04-08", new string('名', 300)))),
        ["进展：受益人数为负"] = f => Save(f, c => c["activities"] = new JsonArray(Changed(Activity("2024-04-08"), a => a["beneficiaries"] = -1))),
        ["进展：社区含 null"] = f => Save(f, c => c["communities"] = new JsonArray((JsonNode?)null)),
        ["进展：3000 个社会组织"] = f => Save(f, c => c["organisations"] = Repeat(() => JsonNode.Parse($$"""{"key":"{{Guid.NewGuid()}}","name":"组织","type":"","status":1,"cultivatedOn":"2024-04-01"}""")!, 3000)),
        ["进展：1500 笔筹款"] = f => Save(f, c => c["donations"] = Repeat(() => Donation("100"), 1500)),
        ["进展：领域不存在"] = f => Save(f, c => c["activities"] = new JsonArray(Changed(Activity("2024-04-08"), a => a["area"] = "Space"))),
        ["核算日期 9999-12-31"] = f => (f.Station, HttpMethod.Get, $"api/sites/{f.SiteId}/compliance?asOf=9999-12-31", null),
        ["核算日期 0001-01-01"] = f => (f.Station, HttpMethod.Get, $"api/sites/{f.SiteId}/compliance?asOf=0001-01-01", null),
        ["核算日期不是日期"] = f => (f.Station, HttpMethod.Get, $"api/sites/{f.SiteId}/compliance?asOf=abc", null),
        ["日志导出起始 0001-01-01"] = f => (f.Admin, HttpMethod.Get, "export/audit.xlsx?from=0001-01-01", null),
        ["看板导出 9999-12-31"] = f => (f.Admin, HttpMethod.Get, "export/dashboard.xlsx?asOf=9999-12-31", null),
        ["预警知悉：备注 2 万字"] = f => (f.Admin, HttpMethod.Post, "api/alerts/1/acknowledge", $$"""{"note":"{{new string('注', 20_000)}}"}"""),
    };

    private static (HttpClient, HttpMethod, string, string?) Save(Fixture f, Action<JsonObject> change) =>
        (f.Station, HttpMethod.Put, $"api/reports/{f.ReportId}", new JsonObject { ["version"] = f.ReportVersion, ["content"] = Content(change) }.ToJsonString());

    private static string With(JsonObject o, Action<JsonObject> change) { change(o); return o.ToJsonString(); }
    private static JsonObject Changed(JsonObject o, Action<JsonObject> change) { change(o); return o; }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_request_is_refused_with_400_and_a_Chinese_message_and_changes_nothing(string name)
    {
        var before = await SnapshotAsync();
        var (client, method, path, body) = HostileCases[name](_f);
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : Json(body) };
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {text[..Math.Min(400, text.Length)]}");
        var message = response.Content.Headers.ContentType?.MediaType == "application/json"
            ? JsonDocument.Parse(text).RootElement.GetProperty("error").GetString()! : text;
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", message);
        Assert.DoesNotContain("Exception", message);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public void The_table_holds_at_least_30_cases() => Assert.True(HostileCases.Count >= 30, $"{HostileCases.Count}");

    /// <summary>Rows of everything a request could have changed (sign-ins are audited, so the audit log counts only data actions).</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_f.App.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM Sites) || '/' || (SELECT COUNT(*) FROM Communities) || '/' || (SELECT COUNT(*) FROM SocialWorkers) || '/' ||
                   (SELECT COUNT(*) FROM ProgressReports) || '/' || (SELECT group_concat(Version) FROM ProgressReports) || '/' ||
                   (SELECT group_concat(Version) FROM Sites) || '/' || (SELECT COUNT(*) FROM Alerts WHERE State <> 'Open') || '/' ||
                   (SELECT COUNT(*) FROM AuditEntries WHERE EntityType <> '账号')
            """;
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
