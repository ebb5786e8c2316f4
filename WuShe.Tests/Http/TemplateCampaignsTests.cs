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

/// <summary>A Development start whose default campaign is a template's (重庆), beside Tianjin's.</summary>
public sealed class ChongqingDefaultFixture : SeedFoldersFixture
{
    public ChongqingDefaultFixture()
    {
        Copy(Shipped("templates", "chongqing-2022"), "chongqing-2022");
        Copy(Shipped("tianjin-2023"), "tianjin-2023");
        App.Settings["WuShe__CurrentCampaign"] = "chongqing-2022";
        App.Settings["WuShe__SampleData"] = "false";
    }
}

/// <summary>Development start-up no longer assumes Tianjin: the city's sample accounts open the default campaign.</summary>
public class ChongqingDefaultTests : IClassFixture<ChongqingDefaultFixture>
{
    private readonly AppFixture _app;

    public ChongqingDefaultTests(ChongqingDefaultFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task The_app_starts_on_another_default_campaign_without_tianjins_district_accounts()
    {
        using var admin = await _app.SignedInClientAsync("admin");
        using var overview = await admin.GetJsonAsync("api/campaign");
        Assert.Equal("渝民发〔2022〕7号", overview.RootElement.GetProperty("campaign").GetProperty("documentNumber").GetString());
        using var heping = _app.NewClient();
        Assert.NotEqual(System.Net.HttpStatusCode.Redirect, (await _app.SignInAsync(heping, "heping")).StatusCode);
    }
}
