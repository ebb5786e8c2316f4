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
    public async Task Viewers_evaluators_and_stations_manage_no_accounts()
    {
        foreach (var user in new[] { "viewer", "expert", "nanshi" })
        {
            var (actor, _) = await UserAsync(user);
            await Assert.ThrowsAsync<AccessDeniedException>(() => Service<AccountAdministration>().ListAsync(actor));
            await Assert.ThrowsAsync<AccessDeniedException>(() =>
                Service<AccountAdministration>().CreateAsync(actor, new NewAccount("x1", "", UserRole.Viewer, null, null)));
        }
    }

    [Fact]
    public async Task A_district_officer_manages_only_the_station_accounts_of_the_district()
    {
        var (heping, _) = await UserAsync("heping");
        var (admin, _) = await UserAsync("admin");
        var accounts = Service<AccountAdministration>();
        var nanshi = await SiteIdAsync("南市街道");
        var taida = await SiteIdAsync("泰达街道");
        Assert.Equal(new[] { "nanshi" }, (await accounts.ListAsync(heping)).Select(r => r.UserName));

        var created = await accounts.CreateAsync(heping, new NewAccount("nanshi2", "", UserRole.StreetStation, null, nanshi));
        Assert.Equal("南市街道社会工作服务站", created.DisplayName);
        async Task<Dictionary<string, string>> Refused(NewAccount a) =>
            WuShe.App.Components.FormErrors.ByField(await Assert.ThrowsAsync<FieldValidationException>(() => accounts.CreateAsync(heping, a)));
        Assert.Contains("没有编号为", (await Refused(new("taida2", "", UserRole.StreetStation, null, taida)))["SiteId"]);
        Assert.Contains("只能管理本区", (await Refused(new("boss2", "", UserRole.DistrictOfficer, "120101", null)))["Role"]);

        var binhaiAccount = (await accounts.ListAsync(admin)).Single(r => r.UserName == "binhai");
        await Assert.ThrowsAsync<NotFoundException>(() => accounts.ResetPasswordAsync(heping, binhaiAccount.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => accounts.SetActiveAsync(heping, binhaiAccount.Id, false));
        var own = (await accounts.ListAsync(heping)).Single(r => r.UserName == "nanshi2");
        await accounts.SetActiveAsync(heping, own.Id, false);
        Assert.Equal("已停用", (await accounts.ListAsync(admin)).Single(r => r.UserName == "nanshi2").State);
    }

    [Fact]
    public async Task A_changed_binding_moves_the_stamp_and_evaluators_are_assigned_joint_sites_only()
    {
        var (admin, _) = await UserAsync("admin");
        var accounts = Service<AccountAdministration>();
        async Task<UserAccount> Account(int id)
        {
            await using var db = NewContext();
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.UserAccounts, u => u.Id == id);
        }
        var joint = await SiteIdAsync("南市街道");
        const int districtLevel = 999_999; // no joint site has this id
        var created = await accounts.CreateAsync(admin, new NewAccount("zhuanjia", "", UserRole.CityEvaluator, null, null, [joint]));
        var row = (await accounts.ListAsync(admin)).Single(r => r.UserName == created.UserName);
        Assert.Equal(new[] { joint }, row.AssignedSiteIds.ToArray());
        var stamp = (await Account(row.Id)).SecurityStamp;

        var refused = await Assert.ThrowsAsync<FieldValidationException>(() =>
            accounts.ChangeBindingAsync(admin, row.Id, new AccountTarget(UserRole.CityEvaluator, null, null, [joint, districtLevel])));
        Assert.Contains("不是市区联动创建点", refused.Message);
        await accounts.ChangeBindingAsync(admin, row.Id, new AccountTarget(UserRole.DistrictOfficer, "120101", null, []));
        var changed = await Account(row.Id);
        Assert.Equal(UserRole.DistrictOfficer, changed.Role);
        Assert.Empty(changed.AssignedSiteIds);
        Assert.NotEqual(stamp, changed.SecurityStamp);
        await using var db = NewContext();
        Assert.Contains(db.AuditEntries, e => e.Action == "变更角色或范围" && e.Summary.Contains("区民政局"));
    }

    [Fact]
    public async Task A_bulk_file_with_one_bad_row_creates_nothing_and_names_every_bad_cell()
    {
        var (admin, _) = await UserAsync("admin");
        var accounts = Service<AccountAdministration>();
        var book = Service<AccountWorkbook>();
        var before = (await accounts.ListAsync(admin)).Count;
        var joint = await SiteIdAsync("南市街道");
        byte[] File(params string[][] rows) => WuShe.App.Excel.Xlsx.Write(new WuShe.App.Excel.XlsxSheet(AccountWorkbook.Sheet,
            ["用户名", "姓名", "角色", "区划代码", "创建点", "手机"], rows.Select(r => (IReadOnlyList<object?>)r.Cast<object?>().ToList())));

        var bad = await book.ImportAsync(admin, new MemoryStream(File(
            ["liu", "刘一", "区民政局", "120101", "", "13800000000"],
            ["wang", "", "领导（只读）", "", "", ""],
            ["liu", "", "市级评估专家", "", $"{joint}", ""],
            ["zhao", "", "区民政局", "999999", "", "abc"])));
        Assert.Empty(bad.Created);
        Assert.Contains(bad.Errors, e => e.Row == 4 && e.Message.StartsWith("用户名") && e.Message.Contains("重复"));
        Assert.Contains(bad.Errors, e => e.Row == 5 && e.Message.StartsWith("区划代码"));
        Assert.Contains(bad.Errors, e => e.Row == 5 && e.Message.StartsWith("手机"));
        Assert.Equal(before, (await accounts.ListAsync(admin)).Count);

        var good = await book.ImportAsync(admin, new MemoryStream(File(
            ["liu", "刘一", "区民政局", "120101", "", "13800000000"],
            ["wang", "", "领导（只读）", "", "", ""],
            ["sun", "", "市级评估专家", "", $"{joint}", ""])));
        Assert.Empty(good.Errors);
        Assert.Equal(3, good.Created.Count);
        Assert.All(good.Created, c => Assert.Empty(new PasswordPolicy().Problems(c.UserName, c.Password)));
        var rows = await accounts.ListAsync(admin);
        Assert.Equal(before + 3, rows.Count);
        Assert.Equal(new[] { joint }, rows.Single(r => r.UserName == "sun").AssignedSiteIds.ToArray());
        Assert.Equal("13800000000", rows.Single(r => r.UserName == "liu").Phone);
    }

    [Fact]
    public void A_one_time_password_always_passes_the_policy_for_its_user_even_a_short_name()
    {
        // With a two-letter name, about 6 of 2,000 random passwords would contain it; none may.
        for (var i = 0; i < 2000; i++)
            Assert.Empty(new PasswordPolicy().Problems("ab", AccountAdministration.OneTimePassword("ab")));
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
