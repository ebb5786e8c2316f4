using System.Net;
using WuShe.Tests.Support;

namespace WuShe.Tests.Http;

/// <summary>A new installation in Production: no account until the operator's command adds the first administrator.</summary>
public sealed class FirstAdministratorTests : IAsyncLifetime
{
    // Plain HTTP on 127.0.0.1: the test switches off the HTTPS requirement a real installation keeps (README).
    // Two-factor, which Production requires of city administrators, is switched off here and walked through in TwoFactorTests.
    private readonly AppFixture _app = new()
    {
        Environment = "Production", Settings = { ["WuShe__Https__Require"] = "false", ["WuShe__Sessions__TwoFactorRoles"] = "none" },
    };

    public Task InitializeAsync() => _app.InitializeAsync();
    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task The_sign_in_page_says_how_to_add_the_first_administrator_who_then_must_change_the_password()
    {
        using var anonymous = _app.NewClient();
        var login = await anonymous.GetStringAsync("login");
        Assert.Contains("系统中还没有任何账号", login);
        Assert.Contains("users add admin --role city-admin --password-stdin", login);
        Assert.Contains("系统中还没有任何账号", _app.Log);
        Assert.Contains("用户名或密码错误", await (await _app.SignInAsync(anonymous, "admin", AppFixture.Password)).Content.ReadAsStringAsync());

        var (exit, output, error) = await _app.RunCommandAsync("First@2026x", "users", "add", "admin", "--role", "city-admin", "--password-stdin");
        Assert.True(exit == 0, error);
        Assert.Contains("首次登录须修改密码", output);

        using var admin = _app.NewClient();
        Assert.Equal("/account/password", (await _app.SignInAsync(admin, "admin", "First@2026x")).RedirectPath());
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.ChangePasswordAsync(admin, "First@2026x", "Bureau#2026ok")).StatusCode);
        var campaign = await admin.GetAsync("campaign");
        Assert.Equal(HttpStatusCode.OK, campaign.StatusCode);
        Assert.Contains("和平区", await campaign.Content.ReadAsStringAsync());
        Assert.DoesNotContain("系统中还没有任何账号", await _app.NewClient().GetStringAsync("login"));
        var (_, list, _) = await _app.RunCommandAsync(null, "users", "list");
        Assert.Equal(2, list.Trim().Split('\n').Length); // header + admin: Production has no development accounts
    }
}
