using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WuShe.Tests.Support;

namespace WuShe.Tests.Browser;

/// <summary>和平区 applies, the city returns with a reason, the district fixes and resubmits, the city approves; then over quota.</summary>
[Collection(AppCollection.Name)]
public class ApplicationFlowBrowserTests
{
    private readonly AppFixture _app;

    public ApplicationFlowBrowserTests(AppFixture app) => _app = app;

    private async Task<IPage> PageAsAsync(string user)
    {
        var browser = await _app.BrowserAsync();
        var context = await browser.NewContextAsync(new() { BaseURL = _app.BaseUri.ToString(), ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15000);
        await page.SignInAsync(user);
        return page;
    }

    [Fact]
    public async Task Draft_submit_return_fix_resubmit_approve_then_a_submission_over_quota_is_refused()
    {
        var district = await PageAsAsync("heping");
        await district.GoInteractiveAsync("applications/new");
        await FillApplicationAsync(district, "劝业场街道", ("花园路社区", 6200), ("新津社区", 5400));
        await district.ClickAsync("#save");
        await district.WaitForURLAsync(new Regex(@"/applications/\d+$"));
        var id = int.Parse(Regex.Match(district.Url, @"/applications/(\d+)$").Groups[1].Value);
        await Expect(district, "#message", "已保存");
        await district.ClickAndConfirmAsync("#submit");
        await Expect(district, "#state", "已申报");

        var city = await PageAsAsync("admin");
        await city.GoInteractiveAsync($"applications/{id}");
        await city.ClickAsync("#return");                                 // no reason: refused at the reason
        await Assertions.Expect(city.Locator("#review .wushe-field-error[data-field='Reason']")).ToContainTextAsync("必须填写理由");
        await Expect(city, "#state", "已申报");
        await city.FillAsync("#return-reason-input", "新津社区常住人口请以 2023 年社区台账为准");
        await city.ClickAsync("#return");
        await Expect(city, "#state", "已退回");

        await district.GoInteractiveAsync($"applications/{id}");
        await Expect(district, "#return-reason", "新津社区常住人口请以 2023 年社区台账为准");
        await district.FillAsync("input[name='Communities[1].ResidentPopulation']", "5630");
        await district.FillAsync("input[name='Communities[1].PopulationSource']", "社区台账");
        await district.FillAsync("input[name='Communities[1].PopulationYear']", "2023");
        await district.Locator("h1").ClickAsync();
        await district.ClickAndConfirmAsync("#submit");
        await Expect(district, "#state", "已申报");

        await city.GoInteractiveAsync($"applications/{id}");
        await city.ClickAndConfirmAsync("#approve", "确定立项");
        await Expect(city, "#state", "创建中");

        await district.GoInteractiveAsync($"sites/{id}");
        var steps = await district.Locator("#timeline li strong").AllInnerTextsAsync();
        Assert.Equal(new[] { "创建草稿", "提交申报", "退回", "提交申报", "审批立项", "开始创建" }, steps);
        Assert.Contains("新津社区常住人口请以 2023 年社区台账为准", await district.Locator("#timeline").InnerTextAsync());
        Assert.Contains("5,630", await district.Locator("#communities").InnerTextAsync());

        // 和平区 now has 2 of 3 streets and 5 of 6 communities in use: one more site with 2 communities is over quota.
        await district.GoInteractiveAsync("applications/new");
        await FillApplicationAsync(district, "小白楼街道", ("朝阳里社区", 4800), ("开封道社区", 5100));
        await district.ClickAndConfirmAsync("#submit");
        await Expect(district, "#error", "超出本区名额");
        var refusal = await district.Locator("#error").InnerTextAsync();
        Assert.Contains("名额为 3 个街镇、6 个社区", refusal);
        Assert.Contains("剩余 1 个街镇、1 个社区", refusal);
        Assert.Equal("草稿", (await district.Locator("#state").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task Submitting_asks_first_and_cancelling_changes_nothing()
    {
        var page = await PageAsAsync("heping");
        await page.GoInteractiveAsync("applications/new");
        await FillApplicationAsync(page, "五大道街道", ("云南路社区", 5200), ("昆明路社区", 4700));
        await page.ClickAsync("#save");
        await page.WaitForURLAsync(new Regex(@"/applications/\d+$"));
        await page.ClickAsync("#submit");
        var dialog = page.Locator(".rz-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("审批前不能再修改");
        await dialog.Locator("button", new() { HasText = "取消" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Expect(page, "#state", "草稿");
    }

    [Fact]
    public async Task Leaving_a_form_with_unsaved_changes_asks_first_and_staying_keeps_the_input()
    {
        var page = await PageAsAsync("heping");
        var menu = page.Locator(".rz-sidebar").GetByText("待办事项");
        await page.GoInteractiveAsync("applications/new");
        await menu.ClickAsync();                                         // nothing typed: leaves without asking
        await page.WaitForURLAsync(url => url.EndsWith("/todo"));

        await page.GoInteractiveAsync("applications/new");
        await page.FillAsync("#street", "未保存街道");
        await page.Locator("h1").ClickAsync();
        await menu.ClickAsync();
        var dialog = page.Locator(".rz-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("本页有尚未保存的修改");
        await dialog.Locator("button", new() { HasText = "取消" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        Assert.EndsWith("/applications/new", page.Url);
        Assert.Equal("未保存街道", await page.InputValueAsync("#street"));

        // Closing the tab asks through the browser's own prompt.
        var asked = new TaskCompletionSource<string>();
        page.Dialog += (_, d) => { asked.TrySetResult(d.Type); _ = d.DismissAsync(); };
        await page.CloseAsync(new() { RunBeforeUnload = true });
        Assert.Equal("beforeunload", await asked.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.False(page.IsClosed);

        await menu.ClickAsync();
        await dialog.Locator("button", new() { HasText = "离开，不保存" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/todo"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Submitting_an_empty_form_marks_each_missing_field_in_Chinese()
    {
        var page = await PageAsAsync("heping");
        await page.GoInteractiveAsync("applications/new");
        await page.ClickAsync("#submit");
        await Expect(page, "#error", "处需要修改");
        Assert.EndsWith("/applications/new", page.Url);                 // checked before anything is saved: no blank draft
        await Assertions.Expect(page.Locator(".rz-dialog")).ToHaveCountAsync(0);
        Assert.Equal("请填写街镇名称。", await page.Locator("[data-field='Street']").InnerTextAsync());
        Assert.Contains("不少于 2 个社区", await page.Locator("[data-field='Communities']").InnerTextAsync());
        Assert.Contains("不少于 2 名专职社会工作者", await page.Locator("[data-field='SocialWorkers']").InnerTextAsync());
        Assert.Contains("公开募捐资格", await page.Locator("[data-field='FundCharityHasPublicFundraisingStatus']").InnerTextAsync());
        Assert.Contains("联系电话", await page.Locator("[data-field='ContactPhone']").InnerTextAsync());
    }

    private static async Task FillApplicationAsync(IPage page, string street, params (string Name, int Population)[] communities)
    {
        await page.FillAsync("#street", street);
        for (var i = 0; i < communities.Length; i++)
        {
            await page.FillAsync($"input[name='Communities[{i}].Name']", communities[i].Name);
            await page.FillAsync($"input[name='Communities[{i}].ResidentPopulation']", communities[i].Population.ToString());
            await page.FillAsync($"input[name='Communities[{i}].PopulationSource']", "第七次全国人口普查");
            await page.FillAsync($"input[name='Communities[{i}].PopulationYear']", "2020");
        }
        await page.FillAsync("#station-name", $"{street}社会工作服务站");
        await page.FillAsync("#station-address", "和平区南京路 100 号");
        await page.FillAsync("input[name='SocialWorkers[0].Name']", "张敏");
        await page.FillAsync("input[name='SocialWorkers[0].Contract']", "津和购〔2023〕第 7 号");
        await page.FillAsync("input[name='SocialWorkers[1].Name']", "李强");
        await page.FillAsync("input[name='SocialWorkers[1].Contract']", "津和购〔2023〕第 9 号");
        await page.FillAsync("#fund-charity", "天津市慈善协会");
        await page.CheckAsync("#fund-public");
        await page.Locator("#service-areas label", new() { HasText = "养老服务" }).Locator("input").CheckAsync();
        await page.FillAsync("#contact-name", "王芳");
        await page.FillAsync("#contact-phone", "022-23456789");
        await page.Locator("h1").ClickAsync();
    }

    private static Task Expect(IPage page, string selector, string text) =>
        Assertions.Expect(page.Locator(selector)).ToContainTextAsync(text);
}
