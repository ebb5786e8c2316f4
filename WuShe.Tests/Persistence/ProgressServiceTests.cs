using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WuShe.App.Progress;
using WuShe.Domain.Compliance;
using WuShe.Domain.Progress;
using WuShe.Domain.Sites;
using WuShe.Tests.Support;

namespace WuShe.Tests.Persistence;

/// <summary>Progress reports on SQLite: save, submit, and the set-based facts agreeing with the domain's builder.</summary>
public class ProgressServiceTests : SeededApp
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    internal static ReportContent Sample(IReadOnlyList<int> communityIds, long donationFen) => ReportContent.Empty with
    {
        FullTimeSocialWorkers = 2,
        FundEstablished = true,
        FundCharity = "天津市慈善协会",
        FundCharityHasPublicFundraisingStatus = true,
        FundSetUpOn = new DateOnly(2023, 7, 1),
        Communities = communityIds.Select((id, i) => new CommunityFigures(id, 2, 1, 1, 8000 + i, 1300 + i, 600)).ToList(),
        Organisations = Enumerable.Range(1, 5).Select(i => new OrganisationEntry(Guid.NewGuid(), $"社区组织{i}", "文体类", OrganisationStatus.Filed, new DateOnly(2023, 9, i),
            i <= 3 ? communityIds[0] : null)).ToList(),
        Donations = new[]
        {
            new DonationEntry(Guid.NewGuid(), new DateTimeOffset(2023, 9, 3, 10, 0, 0, Cst), "爱心企业", DonationKind.Cash, "", donationFen),
            new DonationEntry(Guid.NewGuid(), new DateTimeOffset(2023, 9, 30, 23, 59, 0, Cst), "超市", DonationKind.InKind, "米面油", 100_000),
        },
        Activities = new[] { new ServiceActivityEntry(Guid.NewGuid(), ServiceArea.ElderlyCare, new DateOnly(2023, 9, 10), "独居老人探访", 35) },
        Promotions = new[]
        {
            new PromotionEntry(Guid.NewGuid(), PromotionKind.Research, "五社联动机制研究", new DateOnly(2023, 9, 20), "课题组"),
            new PromotionEntry(Guid.NewGuid(), PromotionKind.MediaReport, "社区基金助老", new DateOnly(2023, 9, 25), "天津日报"),
        },
        Station = new StationFigures(80, 4, 3_000_000),
    };

    [Fact]
    public async Task A_station_reports_a_month_and_the_sql_facts_match_the_domain_builder()
    {
        var (station, scope) = await UserAsync("nanshi");
        var progress = Service<ProgressApplications>();
        var id = await progress.OpenAsync(station, scope, station.SiteId!.Value, 2023, 9);
        Assert.Equal(id, await progress.OpenAsync(station, scope, station.SiteId!.Value, 2023, 9));

        await using var db = NewContext();
        var site = await db.Sites.Include(s => s.Communities).Include(s => s.Transitions).SingleAsync(s => s.Id == station.SiteId);
        var v = await progress.SaveAsync(station, scope, id, 1, Sample(site.Communities.Select(c => c.Id).ToList(), 4_900_000));
        await progress.SubmitAsync(station, scope, id, v);

        var asOf = new DateOnly(2023, 12, 31);
        var sql = (await ComplianceFacts.LoadAsync(db, db.Sites.Where(s => s.Id == site.Id), asOf, default))[site.Id];
        var reports = await db.ProgressReports.Where(r => r.SiteId == site.Id).ToListAsync();
        var domain = SiteFactsBuilder.Build(site, reports, asOf);
        Assert.Equal(JsonSerializer.Serialize(domain), JsonSerializer.Serialize(sql));
        Assert.Equal(5_000_000, sql.FundraisingFenByMonth.Where(m => m.Key / 100 == 2023).Sum(m => m.Value));
        Assert.NotNull(sql.ApprovedOn);
        Assert.Equal(5, sql.Organisations);
        Assert.Equal([3, 0], sql.Communities.Take(2).Select(c => c.Organisations!.Value));   // 所属社区: three of the five
        Assert.Equal(1, sql.ResearchTopics);
        Assert.Equal(0, sql.CaseWriteUps);

        var before = (await ComplianceFacts.LoadAsync(db, db.Sites.Where(s => s.Id == site.Id), new DateOnly(2023, 8, 31), default))[site.Id];
        Assert.False(before.HasReport);
    }

    [Fact]
    public async Task The_district_returns_a_submitted_report_with_a_reason_and_it_stops_counting()
    {
        var (station, scope) = await UserAsync("nanshi");
        var (officer, officerScope) = await UserAsync("heping");
        var (binhai, binhaiScope) = await UserAsync("binhai");
        var progress = Service<ProgressApplications>();
        var id = await progress.OpenAsync(station, scope, station.SiteId!.Value, 2023, 10);
        await using var db = NewContext();
        var ids = await db.Communities.Where(c => c.SiteId == station.SiteId).Select(c => c.Id).ToListAsync();
        var v = await progress.SaveAsync(station, scope, id, 1, Sample(ids, 100_000));
        v = await progress.SubmitAsync(station, scope, id, v);

        await Assert.ThrowsAsync<WuShe.App.Hosting.NotFoundException>(() => progress.ReturnAsync(binhai, binhaiScope, id, v, "不是本区"));
        await Assert.ThrowsAsync<WuShe.Domain.Common.FieldValidationException>(() => progress.ReturnAsync(officer, officerScope, id, v, ""));
        await Assert.ThrowsAsync<WuShe.Domain.Common.DomainException>(() => progress.SubmitAsync(officer, officerScope, id, v));
        await progress.ReturnAsync(officer, officerScope, id, v, "筹款金额与收据不符");

        var report = await Service<ProgressQueries>().ReportAsync(scope, id);
        Assert.Equal(ReportState.Returned, report.State);
        Assert.Equal("筹款金额与收据不符", report.ReturnReason);
        Assert.Equal("区民政局", report.ReturnedBy);

        // The city may return a report too, and the station's banner then names the city, not the district.
        v = await progress.SaveAsync(station, scope, id, report.Version, Sample(ids, 100_000));
        v = await progress.SubmitAsync(station, scope, id, v);
        var (admin, adminScope) = await UserAsync("admin");
        await progress.ReturnAsync(admin, adminScope, id, v, "请补充捐赠收据");
        Assert.Equal("市民政局", (await Service<ProgressQueries>().ReportAsync(scope, id)).ReturnedBy);
        var facts = (await ComplianceFacts.LoadAsync(db, db.Sites.Where(s => s.Id == station.SiteId), new DateOnly(2023, 12, 31), default))[station.SiteId!.Value];
        Assert.False(facts.HasReport);
    }
}
