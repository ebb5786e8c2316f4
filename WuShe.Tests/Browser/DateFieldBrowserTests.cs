using Microsoft.Playwright;
using WuShe.Tests.Support;

namespace WuShe.Tests.Browser;

/// <summary>Dates are written and picked the Chinese way in an English browser: 2024-05-20, a calendar in Chinese.</summary>
[Collection(AppCollection.Name)]
public class DateFieldBrowserTests
{
    private readonly AppFixture _app;

    public DateFieldBrowserTests(AppFixture app) => _app = app;

    [Fact]
    public async Task An_english_browser_shows_chinese_dates_and_a_chinese_calendar_and_a_typed_date_filters_the_audit()
    {
        var browser = await _app.BrowserAsync();
        await using var context = await browser.NewContextAsync(new() { BaseURL = _app.BaseUri.ToString(), Locale = "en-US", ViewportSize = new() { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20000);
        await page.SignInAsync("admin");

        await page.GoInteractiveAsync("dashboard");
        await Assertions.Expect(page.Locator("input#as-of")).ToHaveValueAsync("2024-05-20");
        await page.Locator(".rz-datepicker:has(input#as-of) .rz-datepicker-trigger").ClickAsync();
        var calendar = page.Locator(".rz-datepicker-popup-container:visible");
        await Assertions.Expect(calendar).ToBeVisibleAsync();
        await Assertions.Expect(calendar).ToContainTextAsync("2024年5月周一周二");
        Assert.DoesNotMatch("(?i)may|mon|tue|sun", await calendar.InnerTextAsync());
        await page.Keyboard.PressAsync("Escape");

        await page.GoInteractiveAsync("audit");
        var rows = page.Locator("#audit-grid tbody tr:not(.rz-datatable-emptymessage-row)");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        var from = page.Locator("input#audit-from");
        await from.FillAsync("2099-01-01");
        await from.PressAsync("Tab");
        await Assertions.Expect(from).ToHaveValueAsync("2099-01-01");
        await Assertions.Expect(rows).ToHaveCountAsync(0);
        await from.FillAsync("2000-01-01");
        await from.PressAsync("Tab");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
    }
}
