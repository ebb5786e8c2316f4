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
            for (var i = 0; i < 5; i++) await page.FillAsync($"input[name='score-d{i + 1}']", scores[i]);
            await page.FillAsync("#comment", "服务扎实，资料齐全");
            await page.Locator("h1").ClickAsync();
            await page.ClickAsync("#submit-sheet");
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
