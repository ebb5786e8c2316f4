using Microsoft.Extensions.DependencyInjection;
using WuShe.App.Accounts;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.Domain.Accounts;
using WuShe.Tests.Support;

namespace WuShe.Tests.Persistence;

/// <summary>Password checks and lock-out through the real service, stored in a real SQLite file.</summary>
public class SignInServiceTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private Microsoft.AspNetCore.Builder.WebApplication _app = default!;

    public async Task InitializeAsync()
    {
        _app = WuSheHost.Build(new[]
        {
            "--environment", "Development", $"--WuShe:DatabasePath={_folder.File("wushe.db")}",
            "--WuShe:DevelopmentAccountPassword=Right@2023", "--WuShe:SampleData=false",
        });
        await _app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }

    [Fact]
    public async Task The_right_password_signs_in_with_the_role_and_district_in_the_principal()
    {
        var result = await _app.Services.GetRequiredService<SignInService>().CheckAsync(" HePing ", "Right@2023");
        Assert.Null(result.Error);
        var scope = result.Principal!.Scope();
        Assert.Equal(UserRole.DistrictOfficer, scope.Role);
        Assert.NotNull(scope.DistrictId);
    }

    [Fact]
    public async Task A_station_acts_as_itself_with_its_site_and_district()
    {
        var result = await _app.Services.GetRequiredService<SignInService>().CheckAsync("nanshi", "Right@2023");
        var actor = result.Principal!.Actor();
        Assert.Equal(UserRole.StreetStation, actor.Role);
        Assert.NotNull(actor.SiteId);
        Assert.Equal(result.Principal!.Scope().SiteId, actor.SiteId);
        Assert.Equal(result.Principal!.Scope().DistrictId, actor.DistrictId);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one_without_telling_a_stranger()
    {
        var signIn = _app.Services.GetRequiredService<SignInService>();
        for (var i = 1; i <= 5; i++)
            Assert.Equal(SignInService.Wrong, (await signIn.CheckAsync("viewer", "wrong")).Error);
        Assert.Equal(SignInService.Wrong, (await signIn.CheckAsync("viewer", "still wrong")).Error);
        var locked = await signIn.CheckAsync("viewer", "Right@2023");
        Assert.Null(locked.Principal);
        Assert.Contains("已锁定", locked.Error);
    }

    [Fact]
    public async Task An_unknown_user_gets_the_same_message_as_a_wrong_password()
    {
        var result = await _app.Services.GetRequiredService<SignInService>().CheckAsync("nobody", "x");
        Assert.Equal("用户名或密码错误。", result.Error);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }
}
