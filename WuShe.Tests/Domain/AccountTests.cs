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
    public void Scope_predicates_select_what_each_role_may_see()
    {
        var sites = new[]
        {
            Site.DesignateJointSite(1, districtId: 10, 2, "南市街道", new[] { "a", "b" }, T0),
            Site.DesignateJointSite(1, districtId: 20, 1, "泰达街道", new[] { "c", "d" }, T0),
        };
        SetId(sites[0], 100);
        SetId(sites[1], 200);
        var districts = new[] { new District(1, "120101", "和平区", 3, 6, 1), new District(1, "120116", "滨海新区", 6, 12, 2) };
        SetId(districts[0], 10);
        SetId(districts[1], 20);

        string[] See(UserScope s) => sites.AsQueryable().Where(s.Sites()).Select(x => x.Street).ToArray();
        string[] SeeDistricts(UserScope s) => districts.AsQueryable().Where(s.Districts()).Select(x => x.Name).ToArray();

        Assert.Equal(new[] { "南市街道" }, See(new UserScope(UserRole.DistrictOfficer, 10, null)));
        Assert.Equal(new[] { "和平区" }, SeeDistricts(new UserScope(UserRole.DistrictOfficer, 10, null)));
        Assert.Equal(new[] { "泰达街道" }, See(new UserScope(UserRole.StreetStation, 20, 200)));
        Assert.Empty(SeeDistricts(new UserScope(UserRole.StreetStation, 20, 200)));
        Assert.Equal(2, See(new UserScope(UserRole.Viewer, null, null)).Length);
        Assert.Equal(2, SeeDistricts(new UserScope(UserRole.CityAdministrator, null, null)).Length);
        Assert.Empty(SeeDistricts(new UserScope(UserRole.CityEvaluator, null, null)));
    }

    private static void SetId(object entity, int id) =>
        entity.GetType().GetProperty("Id")!.SetValue(entity, id);
}
