using Microsoft.Playwright;
using WuShe.Tests.Support;

namespace WuShe.Tests.Browser;

[Collection(AppCollection.Name)]
public class AccountAdministrationBrowserTests
{
    private readonly AppFixture _app;

    public AccountAdministrationBrowserTests(AppFixture app) => _app = app;

    [Fact]
    public async Task A_bad_account_file_lists_its_errors_readably_and_creates_nothing()
    {
        var admin = await _app.SignedInPageAsync("admin");
        await admin.GoInteractiveAsync("admin/users");
        var before = await admin.Locator("#accounts tbody tr").CountAsync();
        var bad = WuShe.App.Excel.Xlsx.Write(new WuShe.App.Excel.XlsxSheet("账号", ["用户名", "姓名", "角色", "区划代码", "创建点", "手机"],
            [new object?[] { "li.hp", "", "区民政局", "120101", "", "" }, new object?[] { "zhou", "", "老板", "", "", "" }]));
        await admin.Locator("#accounts-import").SetInputFilesAsync(new FilePayload { Name = "账号.xlsx", MimeType = "application/octet-stream", Buffer = bad });
        var cell = admin.Locator("#accounts-import-errors td", new() { HasText = "不是可用的角色" });
        await Assertions.Expect(cell).ToBeVisibleAsync();
        // Readable: dark red on the white table, not the alert's white on white.
        var (color, background) = (await cell.EvaluateAsync<string>("td => getComputedStyle(td).color"), await cell.EvaluateAsync<string>("td => getComputedStyle(td).backgroundColor"));
        Assert.Equal(("rgb(155, 28, 28)", "rgb(255, 255, 255)"), (color, background));
        await Assertions.Expect(admin.Locator("#accounts tbody tr", new() { HasText = "li.hp" })).ToHaveCountAsync(0);
        Assert.Equal(before, await admin.Locator("#accounts tbody tr").CountAsync());
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task The_city_moves_an_officer_to_another_district_after_confirming()
    {
        var admin = await _app.SignedInPageAsync("admin");
        await admin.GoInteractiveAsync("admin/users");
        await admin.Locator("#new-username").FillAsync("yi.move");
        await admin.ChooseAsync("new-role", "区民政局");
        await admin.ChooseAsync("new-district", "和平区");
        await admin.ClickAsync("#create-account");
        var row = admin.Locator("#accounts tbody tr", new() { HasText = "yi.move" });
        await Assertions.Expect(row).ToContainTextAsync("和平区");

        await row.Locator("button.edit-binding").ClickAsync();
        await Assertions.Expect(admin.Locator("#account-form")).ToContainTextAsync("保存后，该账号的现有登录将立即结束");
        await Assertions.Expect(admin.Locator("#new-username")).ToBeDisabledAsync();
        await admin.ChooseAsync("new-district", "河东区");
        await admin.ClickAsync("#save-binding");
        await admin.Locator(".rz-dialog button", new() { HasText = "保存" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("河东区");
        await Assertions.Expect(admin.Locator("#create-account")).ToBeVisibleAsync();
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task The_city_creates_a_district_officer_who_signs_in_with_the_one_time_password_and_is_later_disabled()
    {
        var admin = await _app.SignedInPageAsync("admin");
        await admin.GoInteractiveAsync("admin/users");
        await admin.Locator("#new-username").FillAsync("wang.hp");
        await admin.ChooseAsync("new-role", "区民政局");
        await admin.ChooseAsync("new-district", "和平区");
        await admin.ClickAsync("#create-account");
        await Assertions.Expect(admin.Locator("#one-time-password")).ToContainTextAsync("wang.hp");
        await Assertions.Expect(admin.Locator(".rz-notification")).ToContainTextAsync("已创建账号 wang.hp");
        var password = (await admin.Locator("#one-time-password strong").InnerTextAsync()).Trim();
        var row = admin.Locator("#accounts tbody tr", new() { HasText = "wang.hp" });
        await Assertions.Expect(row).ToContainTextAsync("和平区民政局");
        await Assertions.Expect(row).ToContainTextAsync("待修改初始密码");

        await admin.Locator("#new-username").FillAsync("wang.hp");
        await admin.ClickAsync("#create-account");
        await Assertions.Expect(admin.Locator("#account-form")).ToContainTextAsync("用户名 wang.hp 已存在");

        var officer = await _app.SignedInPageAsync("wang.hp", password: password);
        await officer.ReplaceOneTimePasswordAsync(password, "Officer#2026hp");
        await officer.GoInteractiveAsync("districts/120101");
        await Assertions.Expect(officer.Locator("h1").First).ToContainTextAsync("和平区");

        // The officer gives a station of the district its own account; the station then sees only its site.
        await officer.GoInteractiveAsync("admin/users");
        await Assertions.Expect(officer.Locator("h1")).ToContainTextAsync("本区服务站账号");
        await officer.Locator("#new-username").FillAsync("nanshi.zhan");
        await officer.ClickAsync("#new-site");
        await officer.Locator(".rz-dropdown-item", new() { HasText = "南市街道" }).First.ClickAsync();
        await officer.ClickAsync("#create-account");
        await Assertions.Expect(officer.Locator("#one-time-password")).ToContainTextAsync("nanshi.zhan");
        var stationPassword = (await officer.Locator("#one-time-password strong").InnerTextAsync()).Trim();
        await Assertions.Expect(officer.Locator("#accounts tbody tr", new() { HasText = "nanshi.zhan" })).ToContainTextAsync("南市街道");
        await Assertions.Expect(officer.Locator("#accounts tbody tr", new() { HasText = "binhai" })).ToHaveCountAsync(0);
        var station = await _app.SignedInPageAsync("nanshi.zhan", password: stationPassword);
        await station.ReplaceOneTimePasswordAsync(stationPassword, "Station#2026ns");
        await station.GoInteractiveAsync("sites");
        await Assertions.Expect(station.Locator("body")).ToContainTextAsync("南市街道");
        await Assertions.Expect(station.Locator("body")).Not.ToContainTextAsync("泰达街道");
        await station.Context.CloseAsync();

        await admin.GoInteractiveAsync("admin/users");
        await admin.Locator("#accounts tbody tr", new() { HasText = "wang.hp" }).Locator("button.disable").ClickAsync();
        await admin.Locator(".rz-dialog button", new() { HasText = "停用" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#accounts tbody tr", new() { HasText = "wang.hp" })).ToContainTextAsync("已停用");
        // The officer's open page loses its session within the revalidation interval (2 s in tests).
        await officer.WaitForURLAsync(url => url.Contains("/login"));
        await officer.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }
}
