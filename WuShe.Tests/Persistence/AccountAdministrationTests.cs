using WuShe.App.Accounts;
using WuShe.App.Hosting;
using WuShe.Domain.Accounts;
using WuShe.Domain.Common;
using WuShe.Tests.Support;

namespace WuShe.Tests.Persistence;

/// <summary>The city's account commands through the real service on SQLite.</summary>
public class AccountAdministrationTests : SeededApp
{
    [Fact]
    public async Task Only_the_city_administrator_manages_accounts()
    {
        foreach (var user in new[] { "heping", "viewer", "expert", "nanshi" })
        {
            var (actor, _) = await UserAsync(user);
            await Assert.ThrowsAsync<AccessDeniedException>(() => Service<AccountAdministration>().ListAsync(actor));
            await Assert.ThrowsAsync<AccessDeniedException>(() =>
                Service<AccountAdministration>().CreateAsync(actor, new NewAccount("x1", "", UserRole.Viewer, null, null)));
        }
    }

    [Fact]
    public async Task Bad_input_is_refused_at_its_field_and_nothing_is_created()
    {
        var (admin, _) = await UserAsync("admin");
        var accounts = Service<AccountAdministration>();
        var before = (await accounts.ListAsync(admin)).Count;
        async Task<Dictionary<string, string>> Refused(NewAccount a) =>
            WuShe.App.Components.FormErrors.ByField(await Assert.ThrowsAsync<FieldValidationException>(() => accounts.CreateAsync(admin, a)));
        Assert.Contains("已存在", (await Refused(new("HePing", "", UserRole.DistrictOfficer, "120101", null)))["UserName"]);
        Assert.Contains("小写字母", (await Refused(new("张三", "", UserRole.Viewer, null, null)))["UserName"]);
        Assert.Contains("必须绑定一个区", (await Refused(new("chen", "", UserRole.DistrictOfficer, null, null)))["DistrictCode"]);
        Assert.Contains("没有区划代码", (await Refused(new("chen", "", UserRole.DistrictOfficer, "999999", null)))["DistrictCode"]);
        Assert.Contains("没有编号为", (await Refused(new("chen", "", UserRole.StreetStation, null, 99999)))["SiteId"]);
        Assert.Equal(before, (await accounts.ListAsync(admin)).Count);
    }

    [Fact]
    public async Task A_one_time_password_meets_the_policy_and_must_be_changed()
    {
        var (admin, _) = await UserAsync("admin");
        var (_, _, password) = await Service<AccountAdministration>().CreateAsync(admin, new NewAccount("chen", "", UserRole.StreetStation, null, 2));
        Assert.Empty(new PasswordPolicy().Problems("chen", password));
        var row = (await Service<AccountAdministration>().ListAsync(admin)).Single(r => r.UserName == "chen");
        Assert.Equal(("待修改初始密码", UserRole.StreetStation), (row.State, row.Role));
        Assert.EndsWith("社会工作服务站", row.DisplayName);
        var signIn = await Service<SignInService>().CheckAsync("chen", password);
        Assert.True(signIn.Principal!.MustChangePasswordNow());
        await Assert.ThrowsAsync<DomainException>(() => Service<AccountAdministration>().SetActiveAsync(admin, admin.UserId, false));
    }
}
