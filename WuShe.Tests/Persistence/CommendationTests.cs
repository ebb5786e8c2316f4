using System.Net;
using Microsoft.EntityFrameworkCore;
using WuShe.App.Reports;
using WuShe.Domain.Accounts;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Common;
using WuShe.Tests.Support;

namespace WuShe.Tests.Persistence;

/// <summary>通报 (五（三）): drafted from the figures, published by the city only, numbered per year, audited, printed in the notice's style.</summary>
public class CommendationTests : SeededApp
{
    private static readonly CommendedDistrict Heping = new(1, "120101", "和平区", 2, 3, 0.9m, 6_000_000);

    [Fact]
    public void Only_the_city_publishes_and_a_commendation_needs_a_title_a_text_and_a_district()
    {
        var officer = new Actor(3, "和平区民政局", UserRole.DistrictOfficer, 1);
        var city = new Actor(1, "市民政局", UserRole.CityAdministrator, null);
        Assert.Throws<DomainException>(() => Commendation.Publish(officer, 1, 1, "通报", "正文", [Heping], new DateOnly(2024, 5, 20), DateTimeOffset.UtcNow));
        var refused = Assert.Throws<FieldValidationException>(() => Commendation.Publish(city, 1, 1, " ", "", [], new DateOnly(2024, 5, 20), DateTimeOffset.UtcNow));
        Assert.Equal(new[] { "Districts", "Text", "Title" }, refused.Errors.Select(e => e.Field).Order());
        var published = Commendation.Publish(city, 1, 2, "关于通报", "推进有力。", [Heping], new DateOnly(2024, 5, 20),
            new DateTimeOffset(2024, 5, 20, 9, 0, 0, TimeSpan.FromHours(8)));
        Assert.Equal("五社联动通报〔2024〕2号", published.DocumentNumber);
    }

    [Fact]
    public void The_suggestion_names_districts_with_complete_sites_best_first()
    {
        var none = Heping with { DistrictId = 2, Code = "120102", Name = "河东区", CompleteSites = 0 };
        var half = Heping with { DistrictId = 3, Code = "120103", Name = "河西区", CompleteSites = 1, StreetQuota = 2 };
        var all = Heping with { DistrictId = 4, Code = "120104", Name = "南开区", CompleteSites = 3, StreetQuota = 3 };
        Assert.Equal(new[] { "南开区", "和平区", "河西区" }, Commendation.Suggest([none, half, Heping, all]).Select(d => d.Name));
    }

    [Fact]
    public async Task The_city_publishes_a_numbered_commendation_that_everyone_lists_and_reads_as_a_PDF()
    {
        var (admin, adminScope) = await UserAsync("admin");
        var (officer, officerScope) = await UserAsync("heping");
        var service = Service<Commendations>();
        await Assert.ThrowsAsync<WuShe.App.Hosting.AccessDeniedException>(() => service.PublishAsync(officer, officerScope, "通报", "正文", ["120101"]));

        var draft = await service.DraftAsync(adminScope);
        Assert.Equal(16, draft.Districts.Count);
        var first = await service.PublishAsync(admin, adminScope, "关于对和平区、河西区予以通报的通报", "和平区、河西区推进有力，成效明显。\n特此通报。", ["120101", "120103"]);
        var second = await service.PublishAsync(admin, adminScope, "第二份通报", "继续推进。", ["120116"]);

        var list = await service.ListAsync();
        Assert.Equal(new[] { second, first }, list.Select(c => c.Id));
        var year = list[0].PublishedAt.ToOffset(TimeSpan.FromHours(8)).Year;
        Assert.Equal($"五社联动通报〔{year}〕1号", list[1].DocumentNumber);
        Assert.Equal($"五社联动通报〔{year}〕2号", list[0].DocumentNumber);
        Assert.Equal(new[] { "和平区", "河西区" }, list[1].Districts.Select(d => d.Name));

        var (pdf, name) = await service.PdfAsync(first);
        var text = PdfTools.Text(pdf);
        Assert.Contains($"五社联动通报〔{year}〕1号", text);
        Assert.Contains("关于对和平区、河西区予以通报的通报", text);
        Assert.Contains("和平区", text);
        Assert.Contains("特此通报", text);
        Assert.Contains("五（三）", text);
        Assert.Contains("天津市民政局", text);
        Assert.StartsWith("五社联动通报", name);

        await using var db = NewContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "发布通报"));
        await Assert.ThrowsAsync<FieldValidationException>(() => service.PublishAsync(admin, adminScope, "通报", "正文", ["999999"]));
    }
}
