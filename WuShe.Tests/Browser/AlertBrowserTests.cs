using Microsoft.Playwright;
using WuShe.Tests.Support;

namespace WuShe.Tests.Browser;

[Collection(AppCollection.Name)]
public class AlertBrowserTests
{
    private readonly AppFixture _app;

    public AlertBrowserTests(AppFixture app) => _app = app;

    private Task<IPage> PageAsAsync(string user) => _app.SignedInPageAsync(user);

    [Fact]
    public async Task The_city_runs_the_scan_now_and_a_district_acknowledges_an_alert_with_a_note()
    {
        var city = await PageAsAsync("admin");
        await city.GoInteractiveAsync("jobs");
        await city.ClickAsync("#run-AlertScan");
        await Assertions.Expect(city.Locator("#job-message")).ToContainTextAsync("运行完成：成功");
        await Assertions.Expect(city.Locator("#runs tbody tr").First).ToContainTextAsync("手动");

        var district = await PageAsAsync("heping");
        await district.GoInteractiveAsync("alerts");
        var badge = int.Parse(await district.Locator("#alert-badge").InnerTextAsync());
        Assert.True(badge > 0);
        var quota = district.Locator(".wushe-alert", new() { HasText = "和平区名额需要关注" });
        await Assertions.Expect(quota).ToContainTextAsync("缺 1 个");
        await Assertions.Expect(quota).ToContainTextAsync("依据：附件1");
        await quota.Locator("input.rz-textbox").FillAsync("已报市局调整名额");
        await quota.Locator("button", new() { HasText = "知悉" }).ClickAsync();
        await Assertions.Expect(district.Locator(".wushe-alert", new() { HasText = "和平区名额需要关注" })).ToHaveCountAsync(0);

        await district.SelectOptionAsync("#alert-state", "Acknowledged");
        await district.ClickAsync("#alert-search");
        await Assertions.Expect(district.Locator(".wushe-alert", new() { HasText = "和平区名额需要关注" })).ToContainTextAsync("已知悉：已报市局调整名额");
        await district.GoInteractiveAsync("alerts");
        Assert.Equal(badge - 1, int.Parse(await district.Locator("#alert-badge").InnerTextAsync()));
    }

    [Fact]
    public async Task The_centre_pages_through_every_alert_and_a_district_acknowledges_several_at_once()
    {
        var city = await PageAsAsync("admin");
        await city.GoInteractiveAsync("jobs");
        await city.ClickAsync("#run-AlertScan");
        await Assertions.Expect(city.Locator("#job-message")).ToContainTextAsync("运行完成：成功");
        await city.GoInteractiveAsync("alerts");
        await Assertions.Expect(city.Locator("#alert-count")).ToContainTextAsync("第 1 / ");
        Assert.Equal(50, await city.Locator("#alert-list .wushe-alert").CountAsync());
        var firstOnPage1 = await city.Locator("#alert-list .wushe-alert").First.GetAttributeAsync("data-alert");
        await city.Locator("#alert-pager .rz-pager-next").ClickAsync();
        await Assertions.Expect(city.Locator("#alert-count")).ToContainTextAsync("第 2 / ");
        Assert.NotEqual(firstOnPage1, await city.Locator("#alert-list .wushe-alert").First.GetAttributeAsync("data-alert"));

        var district = await PageAsAsync("heping");
        await district.GoInteractiveAsync("alerts");
        var badge = int.Parse(await district.Locator("#alert-badge").InnerTextAsync());
        var overdue = district.Locator(".wushe-alert", new() { HasText = "进展报告逾期未提交" });
        Assert.True(await overdue.CountAsync() >= 2);
        var ids = new[] { await overdue.Nth(0).GetAttributeAsync("data-alert"), await overdue.Nth(1).GetAttributeAsync("data-alert") };
        await overdue.Nth(0).Locator(".wushe-alert-select").CheckAsync();
        await overdue.Nth(1).Locator(".wushe-alert-select").CheckAsync();
        await district.FillAsync("#bulk-note", "已督促服务站补报");
        await Assertions.Expect(district.Locator("#acknowledge-selected")).ToContainTextAsync("知悉所选（2）");
        await district.ClickAsync("#acknowledge-selected");
        await Assertions.Expect(district.Locator("#alert-message")).ToContainTextAsync("已知悉 2 条预警");
        foreach (var id in ids) await Assertions.Expect(district.Locator($".wushe-alert[data-alert='{id}']")).ToHaveCountAsync(0);
        await Assertions.Expect(district.Locator("#alert-badge")).ToHaveTextAsync((badge - 2).ToString());   // the menu recounts at once
        await city.Context.CloseAsync();
        await district.Context.CloseAsync();
    }
}
