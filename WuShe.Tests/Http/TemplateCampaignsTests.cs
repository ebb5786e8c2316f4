using System.Net;
using WuShe.Tests.Support;

namespace WuShe.Tests.Http;

/// <summary>Tianjin's seed folder beside the four templates, each copied in as a campaign folder.</summary>
public sealed class TemplateCampaignsFixture : SeedFoldersFixture
{
    public TemplateCampaignsFixture()
    {
        foreach (var folder in Directory.GetDirectories(Shipped("templates")).Append(Shipped("tianjin-2023")))
            Copy(folder, Path.GetFileName(folder));
    }
}

/// <summary>Every template seeds a campaign that runs beside Tianjin's and can be chosen and read.</summary>
public class TemplateCampaignsTests : IClassFixture<TemplateCampaignsFixture>
{
    private readonly AppFixture _app;

    public TemplateCampaignsTests(TemplateCampaignsFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task Each_template_seeds_a_campaign_whose_overview_districts_and_targets_can_be_read()
    {
        var password = await _app.ReadyAccountAsync("he", "--role", "city-admin");
        using var admin = await _app.SignedInAsync("he", password);
        using var list = await admin.GetJsonAsync("api/campaigns");
        var campaigns = list.RootElement.EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("id").GetInt32());
        Assert.Equal(["chongqing-2022", "liangjiang-2020", "meixian-2022", "shushan-2019", "tianjin-2023"], campaigns.Keys.Order());

        foreach (var (code, districts) in new[] { ("chongqing-2022", 41), ("liangjiang-2020", 1), ("meixian-2022", 1), ("shushan-2019", 1) })
        {
            Assert.Equal("/campaign", (await ChooseAsync(admin, campaigns[code])).RedirectPath());
            using var overview = await admin.GetJsonAsync("api/campaign");
            Assert.Equal(districts, overview.RootElement.GetProperty("districts").GetArrayLength());
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("dashboard")).StatusCode);
        }
        // 两江新区 has no GB/T 2260 code: its campaign-local code addresses it.
        await ChooseAsync(admin, campaigns["liangjiang-2020"]);
        Assert.Contains("两江新区", await admin.GetStringAsync("api/districts/LJXQ"));
    }

    private static async Task<HttpResponseMessage> ChooseAsync(HttpClient client, int campaignId) =>
        await client.PostAsync("campaigns/choose", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["campaignId"] = campaignId.ToString(), ["returnUrl"] = "/campaign",
            ["__RequestVerificationToken"] = await AppFixture.FormTokenAsync(client, "account"),
        }));
}
