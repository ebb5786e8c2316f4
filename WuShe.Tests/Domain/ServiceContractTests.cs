using WuShe.Domain.Accounts;
using WuShe.Domain.Common;
using WuShe.Domain.Contracts;

namespace WuShe.Tests.Domain;

/// <summary>服务合同 under 两江's rules: 一年一签, 服务期限最长不超过3年, 考评合格予以续签 — each refusal named, never a silent no-op.</summary>
public class ServiceContractTests
{
    private const int District = 7, Site = 70;
    private static readonly ContractRules Liangjiang = new(12, 36, true, "三（二）：服务期限最长不超过3年，合同一年一签，考评合格予以续签");
    private static readonly Actor Officer = new(1, "两江新区民政局", UserRole.DistrictOfficer, District);
    private static readonly DateOnly Start = new(2020, 9, 1);

    private static ServiceContract First() =>
        ServiceContract.SignFirst(Officer, Site, District, "两江社工服务中心", Start, Start.AddYears(1).AddDays(-1), Start, Liangjiang, []);

    private static ServiceContract Passed(ServiceContract c)
    {
        c.Review(Officer, c.EndsOn, passed: true, "年度考评合格");
        return c;
    }

    [Fact]
    public void The_district_signs_a_first_contract_of_at_most_a_year_and_only_one()
    {
        var first = First();
        Assert.Equal((1, new DateOnly(2021, 8, 31)), (first.Term, first.EndsOn));
        var tooLong = Assert.Throws<FieldValidationException>(() =>
            ServiceContract.SignFirst(Officer, Site, District, "机构", Start, Start.AddYears(1), Start, Liangjiang, []));
        Assert.Contains("最晚到 2021-08-31", tooLong.Errors.Single(e => e.Field == "EndsOn").Message);
        Assert.Throws<DomainException>(() => ServiceContract.SignFirst(Officer, Site, District, "机构", Start, Start.AddMonths(6), Start, Liangjiang, [first]));
    }

    [Theory]
    [InlineData(UserRole.CityAdministrator, District)]
    [InlineData(UserRole.DistrictOfficer, District + 1)]
    [InlineData(UserRole.StreetStation, District)]
    public void Only_the_sites_own_district_signs_reviews_and_renews(UserRole role, int district)
    {
        var other = new Actor(2, "其他", role, district, Site);
        Assert.Throws<DomainException>(() => ServiceContract.SignFirst(other, Site, District, "机构", Start, Start.AddMonths(6), Start, Liangjiang, []));
        var first = First();
        Assert.Throws<DomainException>(() => first.Review(other, first.EndsOn, true, "合格"));
        Passed(first);
        Assert.Throws<DomainException>(() => first.Renew(other, "机构", first.EndsOn.AddYears(1), first.EndsOn, Liangjiang, Start));
    }

    [Fact]
    public void A_renewal_waits_for_a_passing_review_and_a_failed_year_is_not_renewed()
    {
        var first = First();
        Assert.Contains("尚未考评", Assert.Throws<DomainException>(() => first.Renew(Officer, "机构", first.EndsOn.AddYears(1), first.EndsOn, Liangjiang, Start)).Message);
        first.Review(Officer, first.EndsOn, passed: false, "服务未达标");
        Assert.Contains("考评不合格", Assert.Throws<DomainException>(() => first.Renew(Officer, "机构", first.EndsOn.AddYears(1), first.EndsOn, Liangjiang, Start)).Message);
        Assert.Throws<DomainException>(() => first.Review(Officer, first.EndsOn, true, "改判"));
    }

    [Fact]
    public void Renewals_follow_on_the_next_day_and_stop_at_three_years_in_all()
    {
        var second = Passed(First()).Renew(Officer, "两江社工服务中心", new DateOnly(2022, 8, 31), new DateOnly(2021, 9, 1), Liangjiang, Start);
        Assert.Equal((2, new DateOnly(2021, 9, 1)), (second.Term, second.StartsOn));
        var third = Passed(second).Renew(Officer, "两江社工服务中心", new DateOnly(2023, 8, 31), new DateOnly(2022, 9, 1), Liangjiang, Start);
        var fourth = Assert.Throws<FieldValidationException>(() =>
            Passed(third).Renew(Officer, "两江社工服务中心", new DateOnly(2024, 8, 31), new DateOnly(2023, 9, 1), Liangjiang, Start));
        Assert.Contains("最长 36 个月", fourth.Errors.Single().Message);
    }

    [Fact]
    public void A_review_is_dated_within_the_contract_and_says_why()
    {
        var first = First();
        Assert.Equal("ReviewedOn", Assert.Throws<FieldValidationException>(() => first.Review(Officer, Start.AddDays(-1), true, "合格")).Errors.Single().Field);
        Assert.Equal("ReviewNote", Assert.Throws<FieldValidationException>(() => first.Review(Officer, first.EndsOn, true, " ")).Errors.Single().Field);
        Assert.Null(first.Passed);
    }
}
