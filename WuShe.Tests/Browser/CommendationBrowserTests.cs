using Microsoft.Playwright;
using WuShe.Tests.Support;

namespace WuShe.Tests.Browser;

/// <summary>The city publishes a 通报 from the page (asked first); a district finds it listed and opens its PDF.</summary>
[Collection(AppCollection.Name)]
public class CommendationBrowserTests
{
    private readonly AppFixture _app;

    public CommendationBrowserTests(AppFixture app) => _app = app;

    [Fact]
    public async Task The_city_publishes_a_commendation_and_a_district_reads_it()
    {
        var admin = await _app.SignedInPageAsync("admin");
        await admin.GoInteractiveAsync("commendations");
        await admin.Locator("input[name='district-120101']").CheckAsync();
        await admin.Locator("#commendation-title").FillAsync("关于对和平区予以通报的通报");
        await admin.Locator("#publish-commendation").ClickAsync();                 // no text yet: refused at the field
        await admin.Locator(".rz-dialog button", new() { HasText = "发布" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".wushe-field-error[data-field='Text']")).ToHaveTextAsync("请填写通报正文。");
        await Assertions.Expect(admin.Locator("#commendation-error")).ToContainTextAsync("有 1 处需要修改");
        await admin.Locator("#commendation-text").FillAsync("和平区推进有力、成效明显，特此通报。");
        await admin.Locator("#publish-commendation").ClickAsync();
        await admin.Locator(".rz-dialog button", new() { HasText = "发布" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#commendation-message")).ToContainTextAsync("五社联动通报〔");
        await Assertions.Expect(admin.Locator(".rz-notification")).ToContainTextAsync("已发布");
        await Assertions.Expect(admin.Locator(".wushe-field-error")).ToHaveCountAsync(0);
        await admin.Context.CloseAsync();

        var officer = await _app.SignedInPageAsync("binhai");
        await officer.GoInteractiveAsync("commendations");
        var row = officer.Locator("#commendations tbody tr", new() { HasText = "关于对和平区予以通报的通报" });
        await Assertions.Expect(row).ToContainTextAsync("和平区");
        await Assertions.Expect(officer.Locator("#commendation-form")).ToHaveCountAsync(0); // districts read; only the city publishes
        var href = await row.Locator("a", new() { HasText = "PDF" }).GetAttributeAsync("href");
        var pdf = await officer.APIRequest.GetAsync(href!);
        Assert.Equal(200, pdf.Status);
        Assert.Contains("特此通报", PdfTools.Text(await pdf.BodyAsync()));
        await officer.Context.CloseAsync();
    }
}
