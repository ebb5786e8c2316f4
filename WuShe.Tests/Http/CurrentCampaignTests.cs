using System.Net;
using WuShe.Tests.Support;

namespace WuShe.Tests.Http;

/// <summary>An app whose seed folder holds a second campaign that sorts (and is imported) before Tianjin.</summary>
public sealed class TwoCampaignsFixture : SeedFoldersFixture
{
    public TwoCampaignsFixture()
    {
        Copy(Shipped("tianjin-2023"), "tianjin-2023");
        Copy(Shipped("tianjin-2023"), "a-other-2020", text => text
            .Replace("\"code\": \"tianjin-2023\"", "\"code\": \"a-other-2020\"")
            .Replace("天津市健全“五社联动”机制示范项目创建（2023）", "另一个示范项目（2020）")
            .Replace("\"name\": \"项目实施情况\",\n        \"items\"", "\"name\": \"另一活动的维度\",\n        \"items\""));
        AddCityTarget(Path.Combine(Seeds.File("a-other-2020"), "campaign.json"));
    }

    /// <summary>The other campaign also has a city target (志愿服务组织全覆盖), which Tianjin's notice does not set.</summary>
    private static void AddCityTarget(string file)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))!;
        json["standards"]![4]!["requirements"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse("""
            { "metric": "VolunteerTeams", "comparator": "AtLeast", "threshold": 1, "unit": "Ratio", "scope": "City", "period": "CreationPeriod",
              "appliesTo": "AllSites", "aggregation": "Coverage", "coverageFloor": 1, "description": "城乡社区志愿服务组织全覆盖",
              "clauseText": "城乡社区志愿服务站（点）实现全覆盖" }
            """));
        File.WriteAllText(file, json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }
}

/// <summary>
/// Two campaigns in one database: pages that work on "the" campaign read the user's current one, never the first in the
/// database; a city account switches (remembered), a district account stays in its district's; alerts keep to their campaign.
/// </summary>
public class CurrentCampaignTests : IClassFixture<TwoCampaignsFixture>
{
    private readonly AppFixture _app;

    public CurrentCampaignTests(TwoCampaignsFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task The_rubric_page_shows_the_current_campaigns_rubric()
    {
        using var admin = await _app.SignedInClientAsync("admin");
        var overview = await admin.GetStringAsync("campaign");
        Assert.Contains("津民函〔2023〕20号", overview);
        var rubric = await admin.GetAsync("evaluations/rubric");
        Assert.Equal(HttpStatusCode.OK, rubric.StatusCode);
        var html = await rubric.Content.ReadAsStringAsync();
        Assert.Contains("项目实施情况", html);
        Assert.DoesNotContain("另一活动的维度", html);
    }

    private const string Other = "另一个示范项目（2020）";

    private static async Task<List<(int Id, string Name, bool Current)>> CampaignsAsync(HttpClient client)
    {
        using var json = await client.GetJsonAsync("api/campaigns");
        return json.RootElement.EnumerateArray()
            .Select(c => (c.GetProperty("id").GetInt32(), c.GetProperty("name").GetString()!, c.GetProperty("isCurrent").GetBoolean())).ToList();
    }

    private static async Task<HashSet<int>> SiteIdsAsync(HttpClient client)
    {
        using var json = await client.GetJsonAsync("api/sites");
        return json.RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetInt32()).ToHashSet();
    }

    private static async Task<HttpResponseMessage> ChooseAsync(HttpClient client, int campaignId, bool withToken = true)
    {
        var form = new Dictionary<string, string> { ["campaignId"] = campaignId.ToString(), ["returnUrl"] = "/dashboard" };
        if (withToken) form["__RequestVerificationToken"] = await AppFixture.FormTokenAsync(client, "account");
        return await client.PostAsync("campaigns/choose", new FormUrlEncodedContent(form));
    }

    private static async Task<string> CampaignNameAsync(HttpClient client)
    {
        using var json = await client.GetJsonAsync("api/campaign");
        return json.RootElement.GetProperty("campaign").GetProperty("name").GetString()!;
    }

    [Fact]
    public async Task A_city_account_switches_campaign_every_read_follows_and_the_choice_is_remembered()
    {
        var password = await _app.ReadyAccountAsync("cao", "--role", "viewer");
        using var viewer = await _app.SignedInAsync("cao", password);
        var campaigns = await CampaignsAsync(viewer);
        Assert.Equal(2, campaigns.Count);
        Assert.Contains("天津", campaigns.Single(c => c.Current).Name);
        var tianjinSites = await SiteIdsAsync(viewer);
        var other = campaigns.Single(c => c.Name == Other).Id;

        Assert.Equal(HttpStatusCode.BadRequest, (await ChooseAsync(viewer, other, withToken: false)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ChooseAsync(viewer, 999_999)).StatusCode);
        Assert.Contains("天津", await CampaignNameAsync(viewer));

        var chosen = await ChooseAsync(viewer, other);
        Assert.Equal("/dashboard", chosen.RedirectPath());
        Assert.Equal(Other, await CampaignNameAsync(viewer));
        var otherSites = await SiteIdsAsync(viewer);
        Assert.NotEmpty(otherSites);
        Assert.Empty(otherSites.Intersect(tianjinSites));
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"api/sites/{tianjinSites.First()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"api/sites/{otherSites.First()}")).StatusCode);
        Assert.Contains(Other, await viewer.GetStringAsync("campaign"));
        var board = WuShe.App.Excel.XlsxReader.Read(await viewer.GetStreamAsync("export/dashboard.xlsx"));
        var target = Assert.Single(board["区、全市目标"].Rows);
        Assert.Equal("城乡社区志愿服务组织全覆盖", target.Cells["目标"]);
        Assert.Equal("全市", target.Cells["范围"]);
        Assert.Equal("≥ 100%", target.Cells["要求"]);

        using var later = await _app.SignedInAsync("cao", password);
        Assert.Equal(Other, await CampaignNameAsync(later));
        Assert.Equal(otherSites, await SiteIdsAsync(later));
        using var tianjin = await _app.SignedInClientAsync("admin");            // Tianjin's notice sets no district or city target
        Assert.DoesNotContain("区、全市目标", WuShe.App.Excel.XlsxReader.Read(await tianjin.GetStreamAsync("export/dashboard.xlsx")).Keys);
    }

    [Fact]
    public async Task A_district_officer_works_in_the_districts_campaign_and_cannot_choose_or_read_another()
    {
        var password = await _app.ReadyAccountAsync("tang", "--role", "viewer");
        using var viewer = await _app.SignedInAsync("tang", password);
        var other = (await CampaignsAsync(viewer)).Single(c => c.Name == Other).Id;
        await ChooseAsync(viewer, other);
        var otherSites = await SiteIdsAsync(viewer);

        using var heping = await _app.SignedInClientAsync("heping");
        var mine = await CampaignsAsync(heping);
        Assert.Contains("天津", Assert.Single(mine).Name);
        Assert.Equal(HttpStatusCode.Forbidden, (await ChooseAsync(heping, other)).StatusCode);
        Assert.All(otherSites, id => Assert.DoesNotContain(id, SiteIdsAsync(heping).Result));
        foreach (var id in otherSites.Take(3))
            Assert.Equal(HttpStatusCode.NotFound, (await heping.GetAsync($"api/sites/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await heping.GetAsync("api/districts/120101")).StatusCode);
        Assert.DoesNotContain(Other, await heping.GetStringAsync("api/districts/120101"));
    }

    [Fact]
    public async Task A_district_officer_sees_another_campaign_only_once_assigned_to_it_and_then_works_there_as_the_same_district()
    {
        var password = await _app.ReadyAccountAsync("zhou", "--role", "district-officer", "--district", "120101");
        using var before = await _app.SignedInAsync("zhou", password);
        var tianjin = Assert.Single(await CampaignsAsync(before));
        using var viewer = await _app.SignedInClientAsync("viewer");
        var other = (await CampaignsAsync(viewer)).Single(c => c.Name == Other).Id;
        Assert.Equal(HttpStatusCode.Forbidden, (await ChooseAsync(before, other)).StatusCode);

        var (exit, output, error) = await _app.RunCommandAsync(null, "users", "campaigns", "zhou", "--campaigns", "a-other-2020");
        Assert.True(exit == 0, error);
        Assert.Contains("另参加 a-other-2020", output);
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync("api/campaigns")).StatusCode); // the old session ended

        using var after = await _app.SignedInAsync("zhou", password);
        Assert.Equal(new[] { tianjin.Id, other }.Order(), (await CampaignsAsync(after)).Select(c => c.Id).Order());
        Assert.DoesNotContain(Other, await after.GetStringAsync("api/districts/120101"));
        Assert.Equal("/dashboard", (await ChooseAsync(after, other)).RedirectPath());
        Assert.Contains(Other, await after.GetStringAsync("api/districts/120101"));
        Assert.Equal(HttpStatusCode.NotFound, (await after.GetAsync("api/districts/120102")).StatusCode); // still only 和平区
        Assert.Equal(HttpStatusCode.NotFound, (await ChooseAsync(after, 99999)).StatusCode);

        var (refused, _, why) = await _app.RunCommandAsync(null, "users", "campaigns", "zhou", "--campaigns", "no-such-campaign");
        Assert.Equal(1, refused);
        Assert.Contains("没有代码为 no-such-campaign 的创建活动", why);
    }

    [Fact]
    public async Task A_campaigns_definition_downloads_for_city_accounts_only_in_the_seed_format()
    {
        var password = await _app.ReadyAccountAsync("qian", "--role", "viewer");
        using var viewer = await _app.SignedInAsync("qian", password);
        var other = (await CampaignsAsync(viewer)).Single(c => c.Name == Other).Id;
        using var zip = await viewer.GetAsync($"campaigns/{other}/definition.zip");
        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        using (var archive = new System.IO.Compression.ZipArchive(await zip.Content.ReadAsStreamAsync()))
        {
            using var reader = new StreamReader(archive.GetEntry("a-other-2020/campaign.json")!.Open());
            Assert.Contains("\"name\": \"另一个示范项目（2020）\"", await reader.ReadToEndAsync());
        }
        using var quotas = await viewer.GetAsync($"campaigns/{other}/quotas.xlsx");
        var sheet = Assert.Single(WuShe.App.Excel.XlsxReader.Read(await quotas.Content.ReadAsStreamAsync())).Value;
        Assert.Equal(16, sheet.Rows.Count);

        using var heping = await _app.SignedInClientAsync("heping");
        foreach (var path in new[] { $"campaigns/{other}/definition.zip", $"campaigns/{other}/quotas.xlsx" })
        {
            using var refused = await heping.GetAsync(path); // a signed-in user's refusal is the access-denied page, never the file
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/access-denied", refused.Headers.Location!.PathAndQuery);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("campaigns/99999/definition.zip")).StatusCode);
        // 活动设置 is the city administrator's: the viewer and a district officer are shown the access-denied page.
        foreach (var client in new[] { viewer, heping })
        {
            using var edit = await client.GetAsync("campaigns/edit");
            Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
            Assert.StartsWith("/access-denied", edit.Headers.Location!.PathAndQuery);
        }
        using var admin = await _app.SignedInClientAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("campaigns/edit")).StatusCode);
    }

    [Fact]
    public async Task The_alert_scan_raises_each_campaigns_alerts_under_it_and_each_campaign_reads_only_its_own()
    {
        await _app.ScanAlertsAsync();
        var password = await _app.ReadyAccountAsync("gao", "--role", "viewer");
        using var viewer = await _app.SignedInAsync("gao", password);
        var tianjin = await AlertsAsync(viewer);
        var tianjinSites = await SiteIdsAsync(viewer);
        await ChooseAsync(viewer, (await CampaignsAsync(viewer)).Single(c => c.Name == Other).Id);
        var other = await AlertsAsync(viewer);
        var otherSites = await SiteIdsAsync(viewer);

        Assert.NotEmpty(tianjin);
        Assert.NotEmpty(other);
        Assert.Empty(tianjin.Select(a => a.Id).Intersect(other.Select(a => a.Id)));
        Assert.All(tianjin.Where(a => a.Site is not null), a => Assert.Contains(a.Site!.Value, tianjinSites));
        Assert.All(other.Where(a => a.Site is not null), a => Assert.Contains(a.Site!.Value, otherSites));

        await _app.ScanAlertsAsync();
        Assert.Equal(other.Select(a => a.Id).Order(), (await AlertsAsync(viewer)).Select(a => a.Id).Order());
        // The export follows the campaign as the list does.
        Assert.Equal(other.Count, await ExportedRowsAsync(viewer, "export/alerts.xlsx?state=Open"));
        await ChooseAsync(viewer, (await CampaignsAsync(viewer)).Single(c => c.Name != Other).Id);
        Assert.Equal(tianjin.Count, await ExportedRowsAsync(viewer, "export/alerts.xlsx?state=Open"));
    }

    [Fact]
    public async Task The_excel_template_of_another_campaigns_site_is_refused_and_its_own_is_given()
    {
        var password = await _app.ReadyAccountAsync("lu", "--role", "city-admin");
        using var admin = await _app.SignedInAsync("lu", password);
        var tianjinSite = (await SiteIdsAsync(admin)).Min();
        await ChooseAsync(admin, (await CampaignsAsync(admin)).Single(c => c.Name == Other).Id);
        var otherSite = (await SiteIdsAsync(admin)).Min();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"export/progress-template.xlsx?site={otherSite}&year=2024&month=4")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"export/progress-template.xlsx?site={tianjinSite}&year=2024&month=4")).StatusCode);
    }

    private static async Task<int> ExportedRowsAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WuShe.App.Excel.XlsxReader.Read(await response.Content.ReadAsStreamAsync()).Values.Single().Rows.Count;
    }

    private static async Task<List<(int Id, int? Site)>> AlertsAsync(HttpClient client)
    {
        using var json = await client.GetJsonAsync("api/alerts?state=Open");
        return json.RootElement.EnumerateArray().Select(a =>
        {
            var link = a.GetProperty("link").GetString() ?? "";
            var m = System.Text.RegularExpressions.Regex.Match(link, @"sites/(\d+)");
            return (a.GetProperty("id").GetInt32(), m.Success ? int.Parse(m.Groups[1].Value) : (int?)null);
        }).ToList();
    }

    [Fact]
    public async Task The_audit_log_shows_a_districts_entries_in_its_own_campaign_and_the_citys_in_every_campaign()
    {
        using var stranger = _app.NewClient();
        await _app.SignInAsync(stranger, "heping", "Wrong#2026x");        // 登录失败, recorded against 和平区 of Tianjin
        var password = await _app.ReadyAccountAsync("xu", "--role", "city-admin");
        using var admin = await _app.SignedInAsync("xu", password);
        var heping = "export/audit.xlsx?user=" + Uri.EscapeDataString("和平区民政局");
        Assert.NotEqual(0, await ExportedRowsAsync(admin, heping));

        await ChooseAsync(admin, (await CampaignsAsync(admin)).Single(c => c.Name == Other).Id);
        Assert.Equal(0, await ExportedRowsAsync(admin, heping));
        Assert.NotEqual(0, await ExportedRowsAsync(admin, "export/audit.xlsx?action=" + Uri.EscapeDataString("切换创建活动")));  // the city's own
    }
}
