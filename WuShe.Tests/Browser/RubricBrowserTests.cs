using Microsoft.Playwright;
using WuShe.Tests.Support;

namespace WuShe.Tests.Browser;

/// <summary>The rubric form: wrong numbers are refused at their own fields after the city confirms; leaving with edits asks first.</summary>
[Collection(AppCollection.Name)]
public class RubricBrowserTests
{
    private readonly AppFixture _app;

    public RubricBrowserTests(AppFixture app) => _app = app;

    [Fact]
    public async Task A_zero_maximum_is_refused_at_its_item_and_the_unsaved_rubric_is_guarded()
    {
        var page = await _app.SignedInPageAsync("admin", 1440, 900);
        await page.GoInteractiveAsync("evaluations/rubric");
        var total = await page.InnerTextAsync("#total");
        var max = page.Locator("input[name='max-1-0']");
        await max.FillAsync("0");
        await page.Locator("h1").ClickAsync();

        await page.ClickAndConfirmAsync("#save-rubric", "保存");
        var error = page.Locator("tr", new() { Has = max }).Locator(".wushe-field-error[data-field='MaxPoints']");
        await Assertions.Expect(error).ToContainTextAsync("的满分应大于 0");
        // The total fell to 80, under the 优秀 line of 90: that is named at the bands.
        await Assertions.Expect(page.Locator(".wushe-field-error[data-field='Bands']")).ToContainTextAsync("等级分数线不能高于满分 80");
        await Assertions.Expect(page.Locator("#error")).ToContainTextAsync("有 2 处需要修改");
        Assert.Equal(2, await page.Locator(".wushe-field-error").CountAsync());

        await page.Locator(".rz-sidebar a", new() { HasText = "全市看板" }).ClickAsync();
        var dialog = page.Locator(".rz-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("本页有尚未保存的修改");
        await dialog.Locator("button", new() { HasText = "离开，不保存" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/dashboard"));

        await page.GoInteractiveAsync("evaluations/rubric");                  // nothing was saved
        Assert.Equal(total, await page.InnerTextAsync("#total"));
        await page.Context.CloseAsync();
    }
}
