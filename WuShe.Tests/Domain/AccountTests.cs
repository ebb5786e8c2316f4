using WuShe.Domain.Accounts;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Common;
using WuShe.Domain.Sites;

namespace WuShe.Tests.Domain;

public class AccountTests
{
    private static readonly DateTimeOffset T0 = new(2023, 10, 1, 9, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("Abcdef1!", true)]     // four kinds
    [InlineData("abcdefg1!", true)]    // three kinds
    [InlineData("abcdefgh1", false)]   // two kinds
    [InlineData("Ab1!", false)]        // too short
    [InlineData("Heping@2023", false)] // contains the user name
    public void Passwords_need_eight_characters_of_three_kinds_and_not_the_user_name(string password, bool accepted)
    {
        var problems = new PasswordPolicy().Problems("heping", password);
        Assert.Equal(accepted, problems.Count == 0);
        Assert.All(problems, p => Assert.Contains("密码", p));
    }

    [Theory]
    [InlineData(UserRole.DistrictOfficer, null, null)]
    [InlineData(UserRole.DistrictOfficer, 1, 2)]
    [InlineData(UserRole.StreetStation, 1, null)]
    [InlineData(UserRole.CityAdministrator, 1, null)]
    [InlineData(UserRole.Viewer, null, 3)]
    public void Roles_are_bound_to_the_right_scope(UserRole role, int? district, int? site)
    {
        Assert.Throws<DomainException>(() => new AccountBinding(role, district, site));
    }

    [Fact]
    public void Scope_covers_what_each_role_may_see()
    {
        // (district, site) of records: a site of 和平区 (10/100), one of 滨海新区 (20/200), 和平区's own (10/-), the city's (-/-).
        var records = new (int? District, int? Site, string Name)[] { (10, 100, "南市街道"), (20, 200, "泰达街道"), (10, null, "和平区"), (null, null, "全市") };
        string[] See(UserScope s) => records.Where(r => s.Sees(r.District, r.Site)).Select(r => r.Name).ToArray();

        Assert.Equal(new[] { "南市街道", "和平区" }, See(new UserScope(UserRole.DistrictOfficer, 10, null)));
        Assert.Equal(new[] { "泰达街道" }, See(new UserScope(UserRole.StreetStation, 20, 200)));
        Assert.Equal(4, See(new UserScope(UserRole.Viewer, null, null)).Length);
        Assert.Equal(4, See(new UserScope(UserRole.CityAdministrator, null, null)).Length);
        Assert.Empty(See(new UserScope(UserRole.CityEvaluator, null, null)));
        Assert.Equal(new[] { "泰达街道" }, See(new UserScope(UserRole.CityEvaluator, null, null) { AssignedSiteIds = [200] }));
    }
}
