using Microsoft.Playwright;
using WuShe.Tests.Support;

namespace WuShe.Tests.Browser;

/// <summary>The city reads which numbers are the notice's and which the system's, and changes a system setting from the page.</summary>
[Collection(AppCollection.Name)]
public class SystemSettingsBrowserTests
{
    private readonly AppFixture _app;

    public SystemSettingsBrowserTests(AppFixture app) => _app = app;

    [Fact]
    public async Task The_city_changes_the_alert_lead_time_and_sees_the_notices_numbers_fixed()
    {
        var admin = await _app.SignedInPageAsync("admin");
        await admin.GoInteractiveAsync("campaign/settings");
        var thresholds = admin.Locator("#thresholds");
        await Assertions.Expect(thresholds.Locator("tr", new() { HasText = "专职社会工作者" })).ToContainTextAsync("通知原文");
        var activities = thresholds.Locator("tr", new() { HasText = "三（三）" });
        await Assertions.Expect(activities).ToContainTextAsync("系统设定（通知未规定数量）");
        await Assertions.Expect(activities.Locator("input")).ToBeEditableAsync();
        await Assertions.Expect(thresholds.Locator("tr", new() { HasText = "专职社会工作者" }).Locator("input")).ToHaveCountAsync(0);
        await Assertions.Expect(admin.Locator("#fundraising-rule")).ToContainTextAsync("按项目年度计");

        // A wrong date is refused at its own field, with the count above the form; nothing is saved.
        var final = admin.Locator("input#final");
        var finalDue = await final.InputValueAsync();
        await final.FillAsync("2023-01-01");
        await final.PressAsync("Tab");
        await admin.ClickAsync("#save-settings");
        await Assertions.Expect(admin.Locator(".wushe-field-error[data-field='FinalEvaluationDue']")).ToHaveTextAsync("末期评估截止日期应晚于中期评估截止日期。");
        await Assertions.Expect(admin.Locator("#error")).ToContainTextAsync("有 1 处需要修改");
        await final.FillAsync(finalDue);
        await final.PressAsync("Tab");

        var lead = admin.Locator("input[name=lead-days]");
        await Assertions.Expect(lead).ToHaveValueAsync("30");
        try
        {
            await lead.FillAsync("31");
            await lead.PressAsync("Tab");
            await admin.ClickAsync("#save-settings");
            await Assertions.Expect(admin.Locator("#message")).ToContainTextAsync("系统设定已保存");
            await admin.ReloadAsync();
            await Assertions.Expect(admin.Locator("input[name=lead-days]")).ToHaveValueAsync("31");
        }
        finally
        {
            await admin.GoInteractiveAsync("campaign/settings");
            await admin.Locator("input[name=lead-days]").FillAsync("30");
            await admin.Locator("input[name=lead-days]").PressAsync("Tab");
            await admin.ClickAsync("#save-settings");
            await Assertions.Expect(admin.Locator("#message")).ToContainTextAsync("系统设定已保存");
        }

        var viewer = await _app.SignedInPageAsync("viewer");
        await viewer.GoInteractiveAsync("campaign/settings");
        await Assertions.Expect(viewer.Locator("input[name=lead-days]")).ToBeDisabledAsync();
        await Assertions.Expect(viewer.Locator("#save-settings")).ToHaveCountAsync(0);
        await admin.Context.CloseAsync();
        await viewer.Context.CloseAsync();
    }
}
