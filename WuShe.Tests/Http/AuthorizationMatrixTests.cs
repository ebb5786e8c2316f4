using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using WuShe.Tests.Domain;
using WuShe.Tests.Support;

namespace WuShe.Tests.Http;

/// <summary>
/// Every state-changing endpoint × every role, against a table written from SPEC §1 and the notice (not from the code): a
/// refused call changes nothing; an allowed one passes authorization and scope (it may still meet a rule of the state).
/// The targets belong to 和平区 and its joint site 南市街道 (station account nanshi).
/// </summary>
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    private static readonly string[] Everyone = ["admin", "expert", "heping", "binhai", "nanshi", "viewer"];
    private readonly AppFixture _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();
    public Task DisposeAsync() => _app.DisposeAsync();

    private sealed record Cell(string Name, string[] Allowed, Func<HttpClient, Task<HttpResponseMessage>> Call);

    [Fact]
    public async Task Each_role_may_change_exactly_what_the_table_says_and_a_refusal_changes_nothing()
    {
        var clients = new Dictionary<string, HttpClient>();
        foreach (var user in Everyone) clients[user] = await _app.SignedInClientAsync(user);
        var nanshi = await _app.SiteIdAsync("南市街道");
        var draft = await (await clients["heping"].PostAsJsonAsync("api/applications", SiteLifecycleTests.Valid())).Content.ReadFromJsonAsync<int>();
        var report = await (await clients["nanshi"].PostAsync($"api/sites/{nanshi}/reports/2024/4", null)).Content.ReadFromJsonAsync<int>();
        using var alerts = await clients["admin"].GetJsonAsync("api/alerts");
        var alert = alerts.RootElement.EnumerateArray().First(a => a.GetProperty("district").ValueKind == System.Text.Json.JsonValueKind.String
            && a.GetProperty("district").GetString() == "和平区" && a.GetProperty("scope").GetString() == "区").GetProperty("id").GetInt32();

        var versioned = new { version = 1, reason = "权限矩阵", note = "权限矩阵" };
        Cell[] table =
        [
            new("创建申报", ["heping", "binhai"], c => c.PostAsJsonAsync("api/applications", SiteLifecycleTests.Valid() with { Street = "矩阵街道" })),
            new("修改申报", ["heping"], c => c.PutAsJsonAsync($"api/applications/{draft}", new { version = 1, details = SiteLifecycleTests.Valid() with { Street = "矩阵改" } })),
            new("提交申报", ["heping"], c => c.PostAsJsonAsync($"api/sites/{draft}/submit", versioned)),
            new("退回申报", ["admin"], c => c.PostAsJsonAsync($"api/sites/{draft}/return", versioned)),
            new("审批立项", ["admin"], c => c.PostAsJsonAsync($"api/sites/{draft}/approve", versioned)),
            new("联动点开始创建", ["heping"], c => c.PostAsJsonAsync($"api/sites/{nanshi}/start", versioned)),
            new("开启进展报告", ["heping", "nanshi"], c => c.PostAsync($"api/sites/{nanshi}/reports/2024/3", null)),
            new("保存进展报告", ["heping", "nanshi"], c => c.PutAsJsonAsync($"api/reports/{report}", new { version = 99, content = new { } })),
            new("提交进展报告", ["nanshi"], c => c.PostAsJsonAsync($"api/reports/{report}/submit", new { version = 99 })),
            new("退回进展报告", ["admin", "heping"], c => c.PostAsJsonAsync($"api/reports/{report}/return", versioned)),
            new("上传证明材料", ["nanshi"], c => c.PostAsync($"api/reports/{report}/evidence", Upload("收据.pdf", "%PDF-1.4 矩阵"u8.ToArray()))),
            new("导入进展", ["heping", "nanshi"], c => c.PostAsync("api/progress/import", Upload("进展.xlsx", [1, 2, 3]))),
            new("知悉预警", ["admin", "heping"], c => c.PostAsJsonAsync($"api/alerts/{alert}/acknowledge", versioned)),
            new("立即运行任务", ["admin"], c => c.PostAsync("api/jobs/AlertScan/run", null)),
            new("生成区结项报告", ["admin", "heping"], c => c.PostAsync("api/reports/batches?district=120101", null)),
            new("生成全市结项报告", ["admin"], c => c.PostAsync("api/reports/batches", null)),
        ];

        // Every refusal first, while nothing runs in the background; then the allowed calls (which may start jobs and batches).
        var wrong = new List<string>();
        foreach (var cell in table)
        {
            foreach (var user in Everyone.Except(cell.Allowed))
            {
                var before = await SnapshotAsync(clients["admin"], draft, report);
                var response = await cell.Call(clients[user]);
                if ((int)response.StatusCode < 400) wrong.Add($"{cell.Name} × {user}: {(int)response.StatusCode}，应被拒绝");
                else if (await SnapshotAsync(clients["admin"], draft, report) != before) wrong.Add($"{cell.Name} × {user}: 被拒绝却改变了数据");
            }
        }
        foreach (var cell in table)
        {
            foreach (var user in cell.Allowed)
            {
                var response = await cell.Call(clients[user]);
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
                    wrong.Add($"{cell.Name} × {user}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}，应被允许");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        foreach (var client in clients.Values) client.Dispose();
    }

    /// <summary>What any of the commands could change, as the city sees it.</summary>
    private static async Task<string> SnapshotAsync(HttpClient admin, int draft, int report) => string.Join("\n",
        await admin.GetStringAsync("api/sites"), await admin.GetStringAsync("api/applications"), await admin.GetStringAsync($"api/sites/{draft}"),
        await admin.GetStringAsync($"api/reports/{report}"), await admin.GetStringAsync("api/alerts"), await admin.GetStringAsync("api/reports/batches"),
        await admin.GetStringAsync("api/jobs"));

    private static MultipartFormDataContent Upload(string name, byte[] bytes)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return form;
    }
}
