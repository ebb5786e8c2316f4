using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WuShe.Tests.Domain;
using WuShe.Tests.Support;

namespace WuShe.Tests.Http;

/// <summary>Lifecycle commands over real HTTP: scope and role are enforced by the server whatever request is crafted.</summary>
[Collection(AppCollection.Name)]
public class LifecycleScopeTests
{
    private readonly AppFixture _app;

    public LifecycleScopeTests(AppFixture app) => _app = app;

    [Fact]
    public async Task Heping_can_neither_read_edit_submit_nor_approve_a_binhai_application()
    {
        using var binhai = await _app.SignedInClientAsync("binhai");
        var id = await CreateDraftAsync(binhai);

        using var heping = await _app.SignedInClientAsync("heping");
        Assert.Equal(HttpStatusCode.NotFound, (await heping.GetAsync($"api/sites/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await heping.GetAsync($"applications/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await heping.PutAsJsonAsync($"api/applications/{id}",
            new { version = 1, details = SiteLifecycleTests.Valid() with { Street = "篡改" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await heping.PostAsJsonAsync($"api/sites/{id}/submit", new { version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await heping.PostAsJsonAsync($"api/sites/{id}/approve", new { version = 1 })).StatusCode);

        using var hepingList = await heping.GetJsonAsync("api/applications");
        Assert.DoesNotContain(hepingList.RootElement.EnumerateArray(), r => r.GetProperty("id").GetInt32() == id);
        using var site = await binhai.GetJsonAsync($"api/sites/{id}");
        Assert.Equal("示例街道", site.RootElement.GetProperty("street").GetString());
        Assert.Equal("草稿", site.RootElement.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_district_officer_cannot_approve_even_in_their_own_district()
    {
        using var binhai = await _app.SignedInClientAsync("binhai");
        var id = await CreateDraftAsync(binhai);
        var submitted = await binhai.PostAsJsonAsync($"api/sites/{id}/submit", new { version = 1 });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var version = await submitted.Content.ReadFromJsonAsync<int>();

        var approve = await binhai.PostAsJsonAsync($"api/sites/{id}/approve", new { version });
        Assert.Equal(HttpStatusCode.BadRequest, approve.StatusCode);
        Assert.Contains("只有市民政局可以审批立项", await approve.Content.ReadAsStringAsync());
        using (var site = await binhai.GetJsonAsync($"api/sites/{id}"))
            Assert.Equal("已申报", site.RootElement.GetProperty("state").GetString());

        using var admin = await _app.SignedInClientAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"api/sites/{id}/approve", new { version })).StatusCode);
        using var approved = await binhai.GetJsonAsync($"api/sites/{id}");
        Assert.Equal("创建中", approved.RootElement.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_crafted_edit_of_another_districts_joint_site_is_refused()
    {
        var taida = await _app.SiteIdAsync("泰达街道");

        using var heping = await _app.SignedInClientAsync("heping");
        var edit = await heping.PutAsJsonAsync($"api/applications/{taida}", new { version = 1, details = SiteLifecycleTests.Valid() });
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await heping.PostAsJsonAsync($"api/sites/{taida}/start", new { version = 1 })).StatusCode);
    }

    [Fact]
    public async Task Return_without_a_reason_is_refused_at_the_reason_field()
    {
        using var binhai = await _app.SignedInClientAsync("binhai");
        var id = await CreateDraftAsync(binhai);
        var version = await (await binhai.PostAsJsonAsync($"api/sites/{id}/submit", new { version = 1 })).Content.ReadFromJsonAsync<int>();

        using var admin = await _app.SignedInClientAsync("admin");
        var response = await admin.PostAsJsonAsync($"api/sites/{id}/return", new { version, reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Reason", body.RootElement.GetProperty("fields")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_stale_version_gets_409_and_changes_nothing()
    {
        using var binhai = await _app.SignedInClientAsync("binhai");
        var id = await CreateDraftAsync(binhai);
        Assert.Equal(HttpStatusCode.OK, (await binhai.PutAsJsonAsync($"api/applications/{id}",
            new { version = 1, details = SiteLifecycleTests.Valid() with { ContactName = "先保存的人" } })).StatusCode);
        var stale = await binhai.PutAsJsonAsync($"api/applications/{id}",
            new { version = 1, details = SiteLifecycleTests.Valid() with { ContactName = "后保存的人" } });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        using var site = await binhai.GetJsonAsync($"api/sites/{id}");
        Assert.Equal("先保存的人", site.RootElement.GetProperty("details").GetProperty("contactName").GetString());
    }

    [Fact]
    public async Task Heping_completes_the_details_of_its_joint_site_and_starts_creation()
    {
        using var heping = await _app.SignedInClientAsync("heping");
        var nanshi = await _app.SiteIdAsync("南市街道");
        int version;
        using (var site = await heping.GetJsonAsync($"api/sites/{nanshi}"))
            version = site.RootElement.GetProperty("version").GetInt32();

        var renamed = SiteLifecycleTests.Valid() with { Street = "南市街道" };
        Assert.Equal(HttpStatusCode.BadRequest, (await heping.PutAsJsonAsync($"api/applications/{nanshi}", new { version, details = renamed })).StatusCode);

        var completed = SiteLifecycleTests.Valid() with
        {
            Street = "南市街道",
            Communities = new[] { "新文化社区", "庆有西里社区", "怀远里社区" }
                .Select(n => new WuShe.Domain.Sites.CommunityEntry(n, 7000, "社区台账", 2023)).ToList(),
        };
        var saved = await heping.PutAsJsonAsync($"api/applications/{nanshi}", new { version, details = completed });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var started = await heping.PostAsJsonAsync($"api/sites/{nanshi}/start", new { version = await saved.Content.ReadFromJsonAsync<int>() });
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);

        using var after = await heping.GetJsonAsync($"api/sites/{nanshi}");
        Assert.Equal("创建中", after.RootElement.GetProperty("state").GetString());
        Assert.Equal(7000, after.RootElement.GetProperty("communities")[0].GetProperty("residentPopulation").GetInt32());
    }

    [Theory]
    [InlineData("nanshi")]
    [InlineData("admin")]
    [InlineData("expert")] // the viewer is refused before any endpoint (SecurityTests)
    public async Task Only_district_officers_create_applications(string user)
    {
        using var client = await _app.SignedInClientAsync(user);
        var response = await client.PostAsJsonAsync("api/applications", SiteLifecycleTests.Valid());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("只有区民政局可以创建申报", await response.Content.ReadAsStringAsync());
    }

    private static async Task<int> CreateDraftAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("api/applications", SiteLifecycleTests.Valid());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<int>();
    }
}
