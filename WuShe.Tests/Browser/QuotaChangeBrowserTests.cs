using Microsoft.Playwright;
using WuShe.Tests.Support;

namespace WuShe.Tests.Browser;

/// <summary>The city changes a district's quota from the district page: no reason → refused at the field; with one → saved.</summary>
[Collection(AppCollection.Name)]
public class QuotaChangeBrowserTests
{
    private readonly AppFixture _app;

    public QuotaChangeBrowserTests(AppFixture app) => _app = app;

    [Fact]
    public async Task A_quota_change_needs_a_reason_and_then_shows_the_new_quota_with_a_toast()
    {
        var admin = await _app.SignedInPageAsync("admin");
        await admin.GoInteractiveAsync("districts/120102");
        var streets = admin.Locator("input#quota-streets");
        var communities = admin.Locator("input#quota-communities");
        var before = int.Parse(await streets.InputValueAsync());
        var beforeCommunities = int.Parse(await communities.InputValueAsync());
        try
        {
            await streets.FillAsync((before + 1).ToString());
            await communities.FillAsync((beforeCommunities + 2).ToString());   // 三（二）: two communities per street
            await admin.ClickAsync("#quota-save");
            await Assertions.Expect(admin.Locator(".wushe-field-error[data-field='Reason']")).ToHaveTextAsync("调整名额必须填写理由。");
            await Assertions.Expect(admin.Locator("#quota-change")).Not.ToContainTextAsync("名额已调整");

            await admin.Locator("#quota-reason").FillAsync("测试：经市局批复增加一个街镇");
            await admin.ClickAsync("#quota-save");
            await Assertions.Expect(admin.Locator("#quota-message")).ToContainTextAsync($"河东区的名额已调整为 {before + 1} 个街镇");
            await Assertions.Expect(admin.Locator(".rz-notification")).ToContainTextAsync("名额已调整");
            await Assertions.Expect(admin.Locator(".wushe-field-error")).ToHaveCountAsync(0);
            await Assertions.Expect(admin.Locator("body")).ToContainTextAsync($"{before + 1} 个街镇 /");
            await Assertions.Expect(admin.Locator("#quota-reason")).ToHaveValueAsync("");
        }
        finally
        {
            await admin.GoInteractiveAsync("districts/120102");
            await admin.Locator("input#quota-streets").FillAsync(before.ToString());
            await admin.Locator("input#quota-communities").FillAsync(beforeCommunities.ToString());
            await admin.Locator("#quota-reason").FillAsync("测试后恢复");
            await admin.ClickAsync("#quota-save");
            await Assertions.Expect(admin.Locator("#quota-message")).ToContainTextAsync($"调整为 {before} 个街镇");
            await admin.Context.CloseAsync();
        }
    }
}
