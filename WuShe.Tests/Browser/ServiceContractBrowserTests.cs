using System.Text.Json.Nodes;
using Microsoft.Playwright;
using WuShe.Tests.Support;

namespace WuShe.Tests.Browser;

/// <summary>The city turns on service contracts in 活动设置; the district then signs a site's first contract on the site page.</summary>
public class ServiceContractBrowserTests : IClassFixture<AppFixture>
{
    private readonly AppFixture _app;

    public ServiceContractBrowserTests(AppFixture app) => _app = app;

    [Fact]
    public async Task Contract_rules_set_in_the_campaign_editor_give_the_district_a_contract_panel_on_its_site()
    {
        var admin = await _app.SignedInPageAsync("admin", 1440, 900);
        await admin.GoInteractiveAsync("campaigns/edit");
        var rules = JsonNode.Parse(await admin.InputValueAsync("#edit-rules"))!;
        rules["contracts"] = JsonNode.Parse("""{ "termMonths": 12, "maxTotalMonths": 36, "renewOnlyAfterPassing": true, "clause": "三（二）：合同一年一签" }""");
        // Escaped, as a tool might write it: larger than SignalR's 32 KB default message, which must not cut the circuit.
        await admin.FillAsync("#edit-rules", rules.ToJsonString());
        await admin.ClickAndConfirmAsync("#campaign-edit-save", "保存");
        await Assertions.Expect(admin.Locator("#campaign-edit-message")).ToContainTextAsync("活动设置已保存");
        await admin.Context.CloseAsync();

        var site = await _app.SiteIdAsync("南市街道");
        var heping = await _app.SignedInPageAsync("heping", 1440, 900);
        await heping.GoInteractiveAsync($"sites/{site}");
        var panel = heping.Locator("#service-contracts");
        await Assertions.Expect(panel).ToContainTextAsync("每份合同最长 1 年，服务期限合计最长 3 年，考评合格方可续签");
        await Assertions.Expect(panel).ToContainTextAsync("尚未签订服务合同");
        await heping.ClickAsync("#contract-save");
        await Assertions.Expect(heping.Locator("#contract-error")).ToContainTextAsync("承接机构");
        await heping.FillAsync("#contract-provider", "和平区社会工作服务中心");
        await heping.ClickAsync("#contract-save");
        await Assertions.Expect(heping.Locator("#contract-list")).ToContainTextAsync("和平区社会工作服务中心");
        await Assertions.Expect(heping.Locator("#contract-form h3")).ToHaveTextAsync("第 1 期年度考评");
        await heping.Context.CloseAsync();
    }
}
