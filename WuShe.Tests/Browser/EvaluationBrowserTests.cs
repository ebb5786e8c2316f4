using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using WuShe.Tests.Domain;
using WuShe.Tests.Support;

namespace WuShe.Tests.Browser;

[Collection(AppCollection.Name)]
public class EvaluationBrowserTests
{
    private readonly AppFixture _app;

    public EvaluationBrowserTests(AppFixture app) => _app = app;

    /// <summary>A 滨海新区 site approved through the API, ready for evaluation.</summary>
    private async Task<int> ApprovedSiteAsync(string street)
    {
        using var binhai = await _app.SignedInClientAsync("binhai");
        var id = await (await binhai.PostAsJsonAsync("api/applications", SiteLifecycleTests.Valid() with { Street = street })).Content.ReadFromJsonAsync<int>();
        var version = await (await binhai.PostAsJsonAsync($"api/sites/{id}/submit", new { version = 1 })).Content.ReadFromJsonAsync<int>();
        using var admin = await _app.SignedInClientAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"api/sites/{id}/approve", new { version })).StatusCode);
        return id;
    }

    /// <summary>泰达街道 (滨海新区's joint site 1) in creation: the district completes its details and starts it, unless done already.</summary>
    private async Task<int> JointSiteInCreationAsync()
    {
        var taida = await _app.SiteIdAsync("泰达街道");
        using var binhai = await _app.SignedInClientAsync("binhai");
        using var site = await binhai.GetJsonAsync($"api/sites/{taida}");
        if (site.RootElement.GetProperty("state").GetString() != "已立项") return taida;
        var details = SiteLifecycleTests.Valid() with
        {
            Street = "泰达街道",
            Communities = new[] { "华纳社区", "康翠社区" }.Select(n => new WuShe.Domain.Sites.CommunityEntry(n, 7000, "社区台账", 2023)).ToList(),
        };
        var saved = await binhai.PutAsJsonAsync($"api/applications/{taida}", new { version = site.RootElement.GetProperty("version").GetInt32(), details });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var started = await binhai.PostAsJsonAsync($"api/sites/{taida}/start", new { version = await saved.Content.ReadFromJsonAsync<int>() });
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        return taida;
    }

    [Fact]
    public async Task A_district_evaluates_its_joint_site_for_the_city_without_settling_the_city_teams_phase()
    {
        var site = await JointSiteInCreationAsync();
        var officer = await _app.SignedInPageAsync("binhai");
        await officer.GoInteractiveAsync($"sites/{site}/evaluations");
        await Assertions.Expect(officer.Locator("#district-evaluation-note")).ToContainTextAsync("五（三）：各区民政局做好中期、末期评估，并将评估结果报送市民政局");
        await Assertions.Expect(officer.Locator("#open-midterm")).ToContainTextAsync("发起本区中期评估");
        await officer.ClickAsync("#open-midterm");
        await officer.Locator("#my-sheet").WaitForAsync();
        foreach (var (score, i) in new[] { "15", "14", "13", "16", "12" }.Select((x, i) => (x, i)))
            await officer.FillAsync($"input[name='score-d{i + 1}']", score);
        await officer.FillAsync("#comment", "本区中期评估：推进正常");
        await officer.Locator("h1").ClickAsync();
        await officer.ClickAndConfirmAsync("#submit-sheet");
        var card = officer.Locator("#evaluation-district-midterm-1");
        await Assertions.Expect(card).ToContainTextAsync("中期评估（报送市民政局）");
        await Assertions.Expect(card).ToContainTextAsync("已完成 · 得分 70（合格）");
        // The city team's phase is not settled by the district's report: the site stays 创建中.
        await Assertions.Expect(officer.Locator("#site-state")).ToHaveTextAsync("创建中");

        var city = await _app.SignedInPageAsync("admin");
        await city.GoInteractiveAsync($"sites/{site}/evaluations");
        await Assertions.Expect(city.Locator("#evaluation-district-midterm-1")).ToContainTextAsync("已完成 · 得分 70（合格）");
        await Assertions.Expect(city.Locator("#open-midterm")).ToContainTextAsync("发起中期评估");
        await officer.Context.CloseAsync();
        await city.Context.CloseAsync();
    }

    [Fact]
    public async Task A_district_officer_submits_mid_term_and_final_evaluations_and_downloads_the_acceptance_report()
    {
        var site = await ApprovedSiteAsync("示例评估街道");
        var browser = await _app.BrowserAsync();
        await using var context = await browser.NewContextAsync(new() { BaseURL = _app.BaseUri.ToString(), ViewportSize = new() { Width = 1400, Height = 1000 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20000);
        await page.SignInAsync("binhai");
        await page.GoInteractiveAsync($"sites/{site}/evaluations");

        foreach (var (open, scores, expectedState) in new[] { ("#open-midterm", new[] { "16", "15", "14", "15", "16" }, "中期评估"), ("#open-final", new[] { "19", "18", "17", "18", "17" }, "末期评估") })
        {
            await page.ClickAsync(open);
            await page.Locator("#my-sheet").WaitForAsync();
            if (open == "#open-midterm")
            {
                // Over the maximum: said in words at the item, not silently cut to 20.
                await page.FillAsync("input[name='score-d1']", "25");
                await page.Locator("h1").ClickAsync();
                await page.ClickAsync("#save-sheet");
                await Assertions.Expect(page.Locator("#my-sheet .wushe-field-error")).ToContainTextAsync("应在 0—20 分之间，实际为 25");
                Assert.Equal("25", await page.InputValueAsync("input[name='score-d1']"));
            }
            for (var i = 0; i < 5; i++) await page.FillAsync($"input[name='score-d{i + 1}']", scores[i]);
            await page.FillAsync("#comment", "服务扎实，资料齐全");
            await page.Locator("h1").ClickAsync();
            await page.ClickAndConfirmAsync("#submit-sheet");
            await Assertions.Expect(page.Locator("#site-state")).ToHaveTextAsync(expectedState);
        }
        await Assertions.Expect(page.Locator("#evaluation-final-1")).ToContainTextAsync("已完成 · 得分 89（良好）");
        await Assertions.Expect(page.Locator("#my-sheet")).ToHaveCountAsync(0);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#acceptance-pdf"));
        var path = await download.PathAsync();
        var pdf = await File.ReadAllBytesAsync(path!);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var text = PdfTools.Text(pdf);
        Assert.Contains("示例评估街道", text);
        Assert.Contains("末期评估", text);
        Assert.Contains("89", text);
        Assert.Contains("尚未作出结项决定", text);
    }

    [Fact]
    public async Task Another_districts_acceptance_report_and_summary_are_refused()
    {
        var taida = await _app.SiteIdAsync("泰达街道");
        using var heping = await _app.SignedInClientAsync("heping");
        Assert.Equal(HttpStatusCode.NotFound, (await heping.GetAsync($"reports/sites/{taida}/acceptance.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await heping.GetAsync("reports/districts/120116/summary.pdf")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await heping.GetAsync("reports/city/summary.pdf")).StatusCode);
        using var binhai = await _app.SignedInClientAsync("binhai");
        var own = await binhai.GetAsync($"reports/sites/{taida}/acceptance.pdf");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("application/pdf", own.Content.Headers.ContentType!.MediaType);
    }
}
