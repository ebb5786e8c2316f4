using WuShe.Tests.Support;

namespace WuShe.Tests.Domain;

/// <summary>联系电话 on an application: a mobile or a landline with its area code; anything else is named as invalid.</summary>
public class ContactPhoneTests
{
    [Theory]
    [InlineData("13800000000", true)]
    [InlineData("022-23456789", true)]
    [InlineData("02223456789", true)]
    [InlineData("0755-1234567", true)]
    [InlineData("022-23456789-8012", true)]
    [InlineData(" 138 0000 0000 ", true)]
    [InlineData("abcdefg", false)]
    [InlineData("1234567", false)]          // 7 digits: no area code
    [InlineData("23456789", false)]
    [InlineData("138000000001", false)]     // 12 digits
    [InlineData("022-123", false)]
    public void A_phone_is_a_mobile_or_a_landline_with_area_code(string phone, bool valid)
    {
        var errors = SiteLifecycleTests.Valid() with { ContactPhone = phone };
        var problem = errors.Validate(2024, Seeded.Rules).SingleOrDefault(e => e.Field == "ContactPhone");
        Assert.Equal(valid, problem is null);
        if (!valid) Assert.Equal($"联系电话“{phone.Trim()}”无效：应为 11 位手机号，或带区号的座机号如 022-12345678。", problem!.Message);
    }

    [Fact]
    public void A_missing_phone_is_asked_for()
    {
        var problem = (SiteLifecycleTests.Valid() with { ContactPhone = "" }).Validate(2024, Seeded.Rules).Single(e => e.Field == "ContactPhone");
        Assert.Equal("请填写联系电话（手机 11 位或座机如 022-12345678）。", problem.Message);
    }
}
