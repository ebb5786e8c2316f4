using System.Net;
using WuShe.Tests.Support;

namespace WuShe.Tests.Http;

/// <summary>An app whose seed folder holds a second campaign that sorts (and is imported) before Tianjin.</summary>
public sealed class TwoCampaignsFixture : IAsyncLifetime
{
    private readonly TempFolder _seeds = new();
    public AppFixture App { get; }

    public TwoCampaignsFixture()
    {
        var tianjin = Path.Combine(AppContext.BaseDirectory, "seed-data", "tianjin-2023");
        Copy(tianjin, _seeds.File("tianjin-2023"), text => text);
        Copy(tianjin, _seeds.File("a-other-2020"), text => text
            .Replace("\"code\": \"tianjin-2023\"", "\"code\": \"a-other-2020\"")
            .Replace("天津市健全“五社联动”机制示范项目创建（2023）", "另一个示范项目（2020）")
            .Replace("\"name\": \"项目实施情况\",\n        \"items\"", "\"name\": \"另一活动的维度\",\n        \"items\""));
        App = new AppFixture { Settings = { ["WuShe__SeedDataPath"] = _seeds.Path } };
    }

    private static void Copy(string from, string to, Func<string, string> edit)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            File.WriteAllText(Path.Combine(to, Path.GetFileName(file)), edit(File.ReadAllText(file)));
    }

    public Task InitializeAsync() => App.InitializeAsync();

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _seeds.Dispose();
    }
}

/// <summary>Pages that work on "the" campaign read the current one (WuShe:CurrentCampaign), not the first in the database.</summary>
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
}
