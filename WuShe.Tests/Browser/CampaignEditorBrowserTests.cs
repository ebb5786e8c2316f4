using Microsoft.Playwright;
using WuShe.Tests.Support;

namespace WuShe.Tests.Browser;

/// <summary>A city administrator starts a campaign from a template, switches to it, adjusts it and saves — without a developer.</summary>
public class CampaignEditorBrowserTests : IClassFixture<AppFixture>
{
    private readonly AppFixture _app;

    public CampaignEditorBrowserTests(AppFixture app) => _app = app;

    [Fact]
    public async Task The_city_starts_the_meixian_campaign_from_its_template_adjusts_a_date_and_a_rule_and_the_audit_shows_it()
    {
        var password = await _app.ReadyAccountAsync("lin", "--role", "city-admin");
        var page = await _app.SignedInPageAsync("lin", 1440, 900, password: password);
        await page.GoInteractiveAsync("campaigns");
        await page.ChooseAsync("campaign-source", "模板：眉县“五社联动”助力基层治理和乡村振兴试点（2022）（眉县人民政府办公室 2022年11月3日，1 个区）");
        await page.FillAsync("#new-campaign-code", "meixian-trial");
        await page.FillAsync("#new-campaign-name", "眉县“五社联动”试点（试运行）");
        await page.ClickAsync("#campaign-create-save");
        await Assertions.Expect(page.Locator("#campaign-create-message")).ToContainTextAsync("已新建创建活动“眉县“五社联动”试点（试运行）”");
        await Assertions.Expect(page.Locator("#campaign-list")).ToContainTextAsync("meixian-trial");

        await page.ClickAsync("#campaign-create-open");
        await page.WaitForURLAsync(url => url.EndsWith("/campaigns/edit"));
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("活动设置：眉县“五社联动”试点（试运行）");
        await Assertions.Expect(page.Locator("#campaign-edit-state")).ToContainTextAsync("尚无申报");

        // A mistake in the rules is refused where it is, and nothing is saved.
        var rules = await page.InputValueAsync("#edit-rules");
        await page.FillAsync("#edit-rules", rules.Replace("\"comparator\": \"AtLeast\"", "\"comparator\": \"Atleast\""));
        await page.ClickAndConfirmAsync("#campaign-edit-save", "保存");
        await Assertions.Expect(page.Locator("#campaign-edit-error")).ToContainTextAsync("“Atleast”不是可用的 comparator");

        await page.FillAsync("#edit-rules", rules);
        await page.FillAsync("input[name='edit-lead']", "21");
        await page.ClickAndConfirmAsync("#campaign-edit-save", "保存");
        await Assertions.Expect(page.Locator("#campaign-edit-message")).ToContainTextAsync("活动设置已保存");
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("input[name='edit-lead']")).ToHaveValueAsync("21");

        await page.GoInteractiveAsync("audit");
        await Assertions.Expect(page.Locator("main, .wushe-body").First).ToContainTextAsync("修改活动定义");
        await Assertions.Expect(page.Locator("main, .wushe-body").First).ToContainTextAsync("新建创建活动");
        await page.Context.CloseAsync();
    }
}
