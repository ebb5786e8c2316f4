using Microsoft.Playwright;
using WuShe.Tests.Support;

namespace WuShe.Tests.Browser;

/// <summary>A station worker fills and submits a month's report on a 390×844 phone (an app of its own: it submits a report).</summary>
public sealed class PhoneBrowserTests : IClassFixture<OwnAppFixture>
{
    private const int Width = 390;
    private readonly AppFixture _app;

    public PhoneBrowserTests(OwnAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task The_station_fills_and_submits_a_report_on_a_phone_without_sideways_scrolling()
    {
        var site = await _app.SiteIdAsync("南市街道");
        var page = await _app.SignedInPageAsync("nanshi", Width, 844);
        await page.WaitForInteractiveAsync();

        // One-line header; the menu starts closed and, when opened, lies over the page instead of squeezing it.
        Assert.True((await page.Locator(".rz-header").BoundingBoxAsync())!.Height <= 64);
        await Assertions.Expect(page.Locator(".rz-sidebar")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("rz-sidebar-collapsed"));
        await page.ClickAsync(".rz-sidebar-toggle");
        var menu = page.Locator(".rz-sidebar");
        await Assertions.Expect(menu.GetByText("进展填报")).ToBeVisibleAsync();
        Assert.True((await page.Locator(".rz-body").BoundingBoxAsync())!.Width >= Width - 2, "菜单打开时不应挤压正文");
        await menu.GetByText("进展填报").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/sites/{site}/progress"));
        await Assertions.Expect(menu).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("rz-sidebar-collapsed"));

        await page.WaitForInteractiveAsync();
        await page.FillAsync("#period", "2024-04");
        await page.ClickAsync("#open-period");
        await page.WaitForURLAsync(url => url.Contains($"/sites/{site}/progress/"));
        await page.WaitForInteractiveAsync();

        // A mistake is marked at its own field (the domain's path reaches the typed field of the form).
        await page.ClickAsync("#add-donation");
        await page.ClickAsync("#save");
        var amount = page.Locator("#donations tbody tr").First.Locator("td[data-label='金额（元）'] .wushe-field-error");
        await Assertions.Expect(amount).ToContainTextAsync("请填写金额（元）");
        await page.Locator("#donations tbody tr").First.Locator("button[title='删除']").ClickAsync();
        await Assertions.Expect(page.Locator("#donations tbody tr")).ToHaveCountAsync(0);

        await page.FillAsync("#workers", "2");
        var rows = page.Locator("#community-figures tbody tr");
        var count = await rows.CountAsync();
        Assert.True(count >= 2);
        for (var i = 0; i < count; i++)
        {
            foreach (var (field, value) in new[] { ("CommitteeMembers", "3"), ("CertifiedWorkers", "1"), ("VolunteerTeams", "2"),
                         ("ResidentPopulation", "6000"), ("RegisteredVolunteers", "900"), ("ActiveVolunteers", "400") })
            {
                var input = page.Locator($"input[name='Communities[{i}].{field}']");
                await input.FillAsync(value);
                var box = (await input.BoundingBoxAsync())!;
                Assert.True(box.X >= 0 && box.X + box.Width <= Width, $"第 {i + 1} 个社区的 {field} 超出屏幕：{box.X}+{box.Width}");
                Assert.True(box.Height >= 40, $"{field} 的触控高度只有 {box.Height}px");
            }
        }
        // Each stacked cell names its column.
        Assert.Equal("参与的“两委”成员", await page.EvaluateAsync<string>(
            "() => getComputedStyle(document.querySelector(\"#community-figures tbody td:nth-child(2)\"), '::before').content.replace(/^\"|\"$/g, '')"));
        Assert.True(await page.EvaluateAsync<bool>("() => { const b = document.querySelector('.rz-body'); return b.scrollWidth <= b.clientWidth + 1; }"),
            "正文不应需要横向滚动");

        Directory.CreateDirectory(Path.Combine(AppFixture.RepositoryRoot(), "artifacts"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.RepositoryRoot(), "artifacts", "phone-report.png") });
        var submit = page.Locator("#submit");
        Assert.True((await submit.BoundingBoxAsync())!.Height >= 40);
        await page.ClickAndConfirmAsync("#submit");
        await Assertions.Expect(page.Locator("#report-state")).ToHaveTextAsync("已提交");
        await page.Context.CloseAsync();
    }
}
