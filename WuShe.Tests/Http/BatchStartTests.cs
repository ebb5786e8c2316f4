using System.Net;
using WuShe.Tests.Support;

namespace WuShe.Tests.Http;

/// <summary>One report batch per district at a time: a double click or a second request gets the running one, not a copy.</summary>
[Collection(AppCollection.Name)]
public class BatchStartTests
{
    private readonly AppFixture _app;

    public BatchStartTests(AppFixture app) => _app = app;

    [Fact]
    public async Task Two_requests_at_once_start_one_batch_and_the_other_is_told_which_is_running()
    {
        using var admin = await _app.SignedInClientAsync("admin");
        using var heping = await _app.SignedInClientAsync("heping");
        await NoneRunningAsync(admin, "和平区");
        var count = await CountAsync(admin, "和平区");

        var answers = await Task.WhenAll(admin.PostAsync("api/reports/batches?district=120101", null),
            heping.PostAsync("api/reports/batches?district=120101", null));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        var refused = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.BadRequest);
        Assert.Contains("和平区结项报告”正在生成（批次", await refused.Content.ReadAsStringAsync());
        Assert.Equal(count + 1, await CountAsync(admin, "和平区"));
    }

    private static async Task<int> CountAsync(HttpClient client, string district)
    {
        using var list = await client.GetJsonAsync("api/reports/batches");
        return list.RootElement.EnumerateArray().Count(b => b.GetProperty("title").GetString()!.StartsWith(district));
    }

    /// <summary>Waits (polling the list, bounded) until no batch of the district is queued or running.</summary>
    public static async Task NoneRunningAsync(HttpClient client, string district)
    {
        for (var i = 0; i < 600; i++)
        {
            using var list = await client.GetJsonAsync("api/reports/batches");
            if (!list.RootElement.EnumerateArray().Any(b => b.GetProperty("title").GetString()!.StartsWith(district)
                    && b.GetProperty("state").GetInt32() is 0 or 1))  // Queued, Running
                return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"{district}的批次 60 秒内未完成。");
    }
}
