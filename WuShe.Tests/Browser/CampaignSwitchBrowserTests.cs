using Microsoft.Playwright;
using WuShe.Tests.Http;
using WuShe.Tests.Support;

namespace WuShe.Tests.Browser;

/// <summary>The shell's campaign picker: a city account switches, every page follows, and the city's campaign list marks the current one.</summary>
public class CampaignSwitchBrowserTests : IClassFixture<TwoCampaignsFixture>
{
    private readonly AppFixture _app;

    public CampaignSwitchBrowserTests(TwoCampaignsFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task Choosing_another_campaign_in_the_header_changes_the_overview_the_rubric_and_the_campaign_list()
    {
        var password = await _app.ReadyAccountAsync("song", "--role", "city-admin");
        var page = await _app.SignedInPageAsync("song", 1440, 900, password: password);
        await page.GoInteractiveAsync("campaign");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("天津市");
        await Assertions.Expect(page.Locator("#campaign-choice option")).ToHaveCountAsync(2);

        await page.Locator("#campaign-choice").SelectOptionAsync(new SelectOptionValue { Label = "另一个示范项目（2020）" });
        await page.ClickAsync("#campaign-choose");
        await page.WaitForURLAsync(url => url.EndsWith("/campaign"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("另一个示范项目（2020）");
        await Assertions.Expect(page.Locator("#campaign-choice option:checked")).ToHaveTextAsync("另一个示范项目（2020）");

        await page.GoInteractiveAsync("dashboard");
        var target = page.Locator("#targets tr", new() { HasText = "城乡社区志愿服务组织全覆盖" });
        await Assertions.Expect(target).ToContainTextAsync("全市");
        await Assertions.Expect(target).ToContainTextAsync("≥ 100%");
        await Assertions.Expect(target).ToContainTextAsync("个社区达到 1 个");

        await page.GoInteractiveAsync("evaluations/rubric");
        await Assertions.Expect(page.Locator("main, .wushe-body").First).ToContainTextAsync("另一活动的维度");

        await page.GoInteractiveAsync("campaigns");
        var current = page.Locator("#campaign-list tr", new() { HasText = "当前活动" });
        await Assertions.Expect(current).ToHaveCountAsync(1);
        await Assertions.Expect(current).ToContainTextAsync("另一个示范项目（2020）");
        await page.Locator("#campaign-list tr", new() { HasText = "天津市" }).Locator("button", new() { HasText = "切换到此活动" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/campaign"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("天津市");
        await page.GoInteractiveAsync("dashboard");                 // Tianjin's notice sets no district or city target
        await Assertions.Expect(page.Locator("#site-scores")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("#targets").CountAsync());
        await page.Context.CloseAsync();
    }
}
