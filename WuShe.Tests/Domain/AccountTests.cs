using WuShe.Domain.Accounts;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Common;
using WuShe.Domain.Sites;

namespace WuShe.Tests.Domain;

public class AccountTests
{
    private static readonly DateTimeOffset T0 = new(2023, 10, 1, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Five_wrong_passwords_lock_the_account_for_fifteen_minutes()
    {
        var user = new UserAccount("heping", "和平区民政局", UserRole.DistrictOfficer, 1, null);
        for (var i = 0; i < 4; i++) user.RecordFailedSignIn(T0);
        Assert.False(user.IsLockedOut(T0));
        user.RecordFailedSignIn(T0);
        Assert.True(user.IsLockedOut(T0.AddMinutes(14)));
        Assert.Throws<DomainException>(() => user.RecordSignIn(T0.AddMinutes(14)));
        Assert.False(user.IsLockedOut(T0.AddMinutes(15)));
        user.RecordSignIn(T0.AddMinutes(15));
        Assert.Equal(0, user.FailedSignIns);
    }

    [Fact]
    public void A_successful_sign_in_resets_the_count()
    {
        var user = new UserAccount("admin", "管理员", UserRole.CityAdministrator, null, null);
        for (var i = 0; i < 4; i++) user.RecordFailedSignIn(T0);
        user.RecordSignIn(T0);
        for (var i = 0; i < 4; i++) user.RecordFailedSignIn(T0);
        Assert.False(user.IsLockedOut(T0));
    }

    [Theory]
    [InlineData(UserRole.DistrictOfficer, null, null)]
    [InlineData(UserRole.DistrictOfficer, 1, 2)]
    [InlineData(UserRole.StreetStation, 1, null)]
    [InlineData(UserRole.CityAdministrator, 1, null)]
    [InlineData(UserRole.Viewer, null, 3)]
    public void Roles_are_bound_to_the_right_scope(UserRole role, int? district, int? site)
    {
        Assert.Throws<DomainException>(() => new UserAccount("x", "x", role, district, site));
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
