using Microsoft.Playwright;
using WuShe.Tests.Support;

namespace WuShe.Tests.Browser;

/// <summary>南市街道 (joint site 2, floor 50,000 元) reports two months; the second takes its fundraising over the floor.</summary>
[Collection(AppCollection.Name)]
public class ProgressBrowserTests
{
    private readonly AppFixture _app;

    public ProgressBrowserTests(AppFixture app) => _app = app;

    [Fact]
    public async Task A_station_reports_fundraising_that_crosses_its_floor_and_sees_standard_6_turn_met()
    {
        var site = await _app.SiteIdAsync("南市街道");
        var browser = await _app.BrowserAsync();
        await using var context = await browser.NewContextAsync(new() { BaseURL = _app.BaseUri.ToString(), ViewportSize = new() { Width = 1400, Height = 1000 }, Locale = "en-US" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15000);
        await page.SignInAsync("nanshi");

        // April: figures, fund and 30,000 元 (20,000 cash + goods worth 10,000).
        await OpenPeriodAsync(page, site, "2024-04");
        await page.FillAsync("#workers", "2");
        await page.CheckAsync("#fund-established");
        await page.FillAsync("#fund-charity", "天津市慈善协会");
        await page.FillAsync("#fund-date", "2023-10-15");
        await page.CheckAsync("#fund-public");
        for (var i = 0; i < 3; i++)
        {
            foreach (var (field, value) in new[] { ("CommitteeMembers", "2"), ("CertifiedWorkers", "1"), ("VolunteerTeams", "1"),
                         ("ResidentPopulation", "6000"), ("RegisteredVolunteers", "950"), ("ActiveVolunteers", "400") })
                await page.FillAsync($"input[name='Communities[{i}].{field}']", value);
        }
        await AddDonationAsync(page, 0, "2024-04-08 10:00", "天津某爱心企业", "资金", "", "20000");
        await AddDonationAsync(page, 1, "2024-04-20 15:30", "某连锁超市", "物资（折算）", "米面油 200 份", "10000");
        await page.ClickAndConfirmAsync("#submit");
        await Assertions.Expect(page.Locator("#report-state")).ToHaveTextAsync("已提交");

        await page.GoInteractiveAsync($"sites/{site}");
        var six = page.Locator("#standard-6");
        await Assertions.Expect(six.Locator(".wushe-verdict")).ToHaveTextAsync("未达标");
        await Assertions.Expect(six).ToContainTextAsync("第 1 项目年度（2023-07-01 至 2024-06-30）已筹 30,000.00 元");
        await Assertions.Expect(six).ToContainTextAsync("第 1 项目年度还差 20,000.00 元；按已过 10 个月的进度应筹 41,666.66 元，进度滞后");
        await Assertions.Expect(six).ToContainTextAsync("三（六）");
        await Assertions.Expect(page.Locator("#fundraising-basis")).ToContainTextAsync("按项目年度计");
        await Assertions.Expect(page.Locator("#fundraising-years")).ToContainTextAsync("第 1 项目年度（2023-07-01 至 2024-06-30）");

        // May: the figures carry over; 20,000 元 more reaches the floor exactly.
        await OpenPeriodAsync(page, site, "2024-05");
        Assert.Equal("2", await page.InputValueAsync("#workers"));
        await AddDonationAsync(page, 0, "2024-05-06 09:00", "居民众筹", "资金", "", "20000");
        await page.ClickAndConfirmAsync("#submit");
        await Assertions.Expect(page.Locator("#report-state")).ToHaveTextAsync("已提交");

        await page.GoInteractiveAsync($"sites/{site}");
        await Assertions.Expect(six.Locator(".wushe-verdict")).ToHaveTextAsync("达标");
        await Assertions.Expect(six).ToContainTextAsync("第 1 项目年度（2023-07-01 至 2024-06-30）已筹 50,000.00 元");
        await Assertions.Expect(page.Locator("#standard-1 .wushe-verdict")).ToHaveTextAsync("达标");
        await Assertions.Expect(page.Locator("#standard-4 .wushe-verdict")).ToHaveTextAsync("未达标");
        await Assertions.Expect(page.Locator("#standard-4")).ToContainTextAsync("还差 5 个社区社会组织");
    }

    private static async Task OpenPeriodAsync(IPage page, int site, string month)
    {
        await page.GoInteractiveAsync($"sites/{site}/progress");
        await page.FillAsync("#period", month);
        await page.ClickAsync("#open-period");
        await page.WaitForURLAsync(url => url.Contains($"/sites/{site}/progress/"));
        await page.WaitForInteractiveAsync();
        await page.Locator("#workers").WaitForAsync();
    }

    private static async Task AddDonationAsync(IPage page, int row, string when, string donor, string kind, string description, string yuan)
    {
        await page.ClickAsync("#add-donation");
        var at = $"Donations[{row}]";
        await page.FillAsync($"input[name='{at}.ReceivedAt']", when);
        await page.FillAsync($"input[name='{at}.Donor']", donor);
        await page.ChooseAsync($"{at}.Kind", kind);
        if (description != "") await page.FillAsync($"input[name='{at}.Description']", description);
        await page.FillAsync($"input[name='{at}.AmountYuan']", yuan);
        await page.Locator("h1").ClickAsync();
        // An English browser still reads the time the Chinese way (a native input showed "04/08/2024, 10:00 AM").
        await Assertions.Expect(page.Locator($"input[name='{at}.ReceivedAt']")).ToHaveValueAsync(when);
    }
}
