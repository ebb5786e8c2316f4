using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WuShe.Tests.Domain;
using WuShe.Tests.Support;

namespace WuShe.Tests.Http;

/// <summary>待办 over HTTP, on an app of its own (the lists depend on everything in the database): each role sees its own
/// work in its own scope, and work leaves the list when it is done.</summary>
public sealed class TodoTests : IClassFixture<OwnAppFixture>
{
    private readonly AppFixture _app;

    public TodoTests(OwnAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task An_application_moves_from_the_districts_drafts_to_the_citys_review_and_back_with_the_reason()
    {
        using var binhai = await _app.SignedInClientAsync("binhai");
        using var heping = await _app.SignedInClientAsync("heping");
        using var admin = await _app.SignedInClientAsync("admin");
        var created = await binhai.PostAsJsonAsync("api/applications", SiteLifecycleTests.Valid() with { Street = "待办街道" });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var id = await created.Content.ReadFromJsonAsync<int>();
        var link = $"/applications/{id}";

        Assert.Contains(link, await LinksAsync(binhai, "drafts"));
        Assert.DoesNotContain(link, await AllLinksAsync(heping));

        var version = await (await binhai.PostAsJsonAsync($"api/sites/{id}/submit", new { version = 1 })).Content.ReadFromJsonAsync<int>();
        Assert.DoesNotContain(link, await LinksAsync(binhai, "drafts"));
        Assert.Contains(link, await LinksAsync(admin, "review"));
        Assert.DoesNotContain(link, await AllLinksAsync(heping));

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"api/sites/{id}/return", new { version, reason = "辐射社区名单不全" })).StatusCode);
        Assert.DoesNotContain(link, await LinksAsync(admin, "review"));
        var returned = await ItemsAsync(binhai, "returned-applications");
        var item = Assert.Single(returned, i => i.Link == link);
        Assert.Contains("待办街道", item.Title);
        Assert.Contains("退回理由：辐射社区名单不全", item.Detail);
        Assert.DoesNotContain(link, await AllLinksAsync(heping));
    }

    [Fact]
    public async Task The_station_sees_its_overdue_and_due_reports_and_a_returned_one_with_its_reason()
    {
        using var station = await _app.SignedInClientAsync("nanshi");
        using var heping = await _app.SignedInClientAsync("heping");
        var site = await _app.SiteIdAsync("南市街道");

        var due = await ItemsAsync(station, "reports-due");
        Assert.All(due, i => Assert.StartsWith($"/sites/{site}/progress", i.Link));
        // Dev clock 2024-05-20: April was due by 10 May (overdue), May is due by 10 June.
        Assert.Contains(due, i => i.Title == "南市街道 2024年4月进展报告" && i.Detail.StartsWith("已逾期 10 天（应于 2024-05-10 前提交）"));
        Assert.Contains(due, i => i.Title == "南市街道 2024年5月进展报告" && i.Detail == "应于 2024-06-10 前提交，尚未填报");
        Assert.Equal("南市街道 2024年5月进展报告", due[^1].Title);

        var opened = await station.PostAsync($"api/sites/{site}/reports/2024/4", null);
        var report = int.Parse(await opened.Content.ReadAsStringAsync());
        Assert.Contains(await ItemsAsync(station, "reports-due"), i => i.Link == $"/sites/{site}/progress/{report}" && i.Detail.EndsWith("草稿未提交"));
        using var detail = await station.GetJsonAsync($"api/sites/{site}");
        var communities = detail.RootElement.GetProperty("communities").EnumerateArray().Select(c => new
        {
            communityId = c.GetProperty("id").GetInt32(), residentPopulation = 5000, committeeMembers = 5, certifiedWorkers = 1, volunteerTeams = 1,
            registeredVolunteers = 100, activeVolunteers = 50,
        }).ToList();
        var saved = await station.PutAsJsonAsync($"api/reports/{report}", new { version = 1, content = new { fullTimeSocialWorkers = 2, fundCharity = "", communities, organisations = Array.Empty<object>(), donations = Array.Empty<object>(), activities = Array.Empty<object>(), promotions = Array.Empty<object>() } });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var submitted = await station.PostAsJsonAsync($"api/reports/{report}/submit", new { version = await saved.Content.ReadFromJsonAsync<int>() });
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        Assert.DoesNotContain(await ItemsAsync(station, "reports-due"), i => i.Title.Contains("2024年4月"));

        var version = await submitted.Content.ReadFromJsonAsync<int>();
        Assert.Equal(HttpStatusCode.OK, (await heping.PostAsJsonAsync($"api/reports/{report}/return", new { version, reason = "活动照片缺失" })).StatusCode);
        var returned = Assert.Single(await ItemsAsync(station, "returned-reports"));
        Assert.Equal($"/sites/{site}/progress/{report}", returned.Link);
        Assert.Equal("区民政局退回：活动照片缺失", returned.Detail);
        Assert.DoesNotContain(await ItemsAsync(station, "reports-due"), i => i.Title.Contains("2024年4月"));
        Assert.Contains(await ItemsAsync(heping, "returned-reports"), i => i.Link == returned.Link);

        // In the browser: the station lands on 待办 and goes from the returned report straight to it.
        var page = await _app.SignedInPageAsync("nanshi");
        Assert.EndsWith("/todo", page.Url);
        var card = page.Locator("#todo-returned-reports");
        Assert.Contains("区民政局退回：活动照片缺失", await card.InnerTextAsync());
        await card.Locator("a", new() { HasText = "南市街道 2024年4月进展报告" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/sites/{site}/progress/{report}"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_city_lands_on_its_todo_page_whose_badge_counts_a_new_application_without_a_reload()
    {
        var page = await _app.SignedInPageAsync("admin");
        Assert.EndsWith("/todo", page.Url);
        await page.WaitForInteractiveAsync();
        var badge = page.Locator("#todo-badge");
        var before = await badge.CountAsync() == 0 ? 0 : int.Parse(await badge.InnerTextAsync());

        using var binhai = await _app.SignedInClientAsync("binhai");
        var id = await (await binhai.PostAsJsonAsync("api/applications", SiteLifecycleTests.Valid() with { Street = "角标街道" })).Content.ReadFromJsonAsync<int>();
        Assert.True((await binhai.PostAsJsonAsync($"api/sites/{id}/submit", new { version = 1 })).IsSuccessStatusCode);

        await Microsoft.Playwright.Assertions.Expect(badge).ToHaveTextAsync((before + 1).ToString(), new() { Timeout = 20000 });
        await page.ReloadAsync();
        var review = page.Locator("#todo-review");
        await review.Locator($"a[href='applications/{id}']").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/applications/{id}"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Sites_in_creation_without_a_station_account_are_listed_for_the_city_but_not_the_one_nanshi_reports_for()
    {
        using var admin = await _app.SignedInClientAsync("admin");
        using var sites = await admin.GetJsonAsync("api/sites");
        var creating = sites.RootElement.EnumerateArray()
            .Where(s => s.GetProperty("state").GetString() is "已立项" or "创建中" or "中期评估" or "末期评估" or "整改").ToList();
        var stations = await GroupAsync(admin, "stations");
        Assert.Equal(creating.Count - 1, stations?.GetProperty("count").GetInt32() ?? 0);
        Assert.DoesNotContain(await ItemsAsync(admin, "stations"), i => i.Title.EndsWith(" 南市街道"));
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("expert")]
    public async Task Read_only_and_evaluator_accounts_get_no_application_or_report_work(string user)
    {
        using var client = await _app.SignedInClientAsync(user);
        using var todo = await client.GetJsonAsync("api/todo");
        var keys = todo.RootElement.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("key").GetString()).ToList();
        Assert.All(keys, k => Assert.Equal("sheets", k));
    }

    [Fact]
    public async Task The_todo_list_needs_a_signed_in_user()
    {
        using var anonymous = _app.NewClient();
        var response = await anonymous.GetAsync("api/todo");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private sealed record Item(string Title, string Detail, string Link);

    private static async Task<JsonElement?> GroupAsync(HttpClient client, string key)
    {
        using var todo = await client.GetJsonAsync("api/todo");
        foreach (var g in todo.RootElement.GetProperty("groups").EnumerateArray())
            if (g.GetProperty("key").GetString() == key) return g.Clone();
        return null;
    }

    private static async Task<List<Item>> ItemsAsync(HttpClient client, string key) =>
        (await GroupAsync(client, key))?.GetProperty("items").EnumerateArray()
            .Select(i => new Item(i.GetProperty("title").GetString()!, i.GetProperty("detail").GetString()!, i.GetProperty("link").GetString()!)).ToList() ?? [];

    private static async Task<List<string>> LinksAsync(HttpClient client, string key) => (await ItemsAsync(client, key)).Select(i => i.Link).ToList();

    private static async Task<List<string>> AllLinksAsync(HttpClient client)
    {
        using var todo = await client.GetJsonAsync("api/todo");
        return todo.RootElement.GetProperty("groups").EnumerateArray()
            .SelectMany(g => g.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("link").GetString()!).ToList();
    }
}
