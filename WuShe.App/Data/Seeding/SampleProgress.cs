using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WuShe.App.Hosting;
using WuShe.Domain.Accounts;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Common;
using WuShe.Domain.Progress;
using WuShe.Domain.Sites;

namespace WuShe.App.Data.Seeding;

/// <summary>
/// 示例数据 for development: one district-level sample site per district where the quota allows it (named 示例), and
/// monthly progress for every site from 2023-07 up to "today", varied on purpose — some sites complete early, some short
/// on volunteers, some on fundraising, some slow. Deterministic; created once; never in Production.
/// </summary>
public class SampleProgress
{
    private static readonly Actor Generator = new(0, "示例数据生成", UserRole.CityAdministrator, null);
    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private readonly IClock _clock;
    private readonly Campaigns.CurrentCampaign _campaign;

    public SampleProgress(IDbContextFactory<WuSheDbContext> contexts, IClock clock, Campaigns.CurrentCampaign campaign)
    {
        _contexts = contexts;
        _clock = clock;
        _campaign = campaign;
    }

    /// <summary>Sample profiles: what a site is good or short at.</summary>
    internal enum Profile { Exemplary, FewVolunteers, LowFundraising, Slow }

    public async Task<int> EnsureAsync(CancellationToken ct = default)
    {
        await using var db = await _contexts.ForSystemAsync(ct);
        if (await db.Sites.AnyAsync(s => s.IsSample, ct)) return 0;
        var campaign = await _campaign.In(db).SingleAsync(ct);
        var start = new DateTimeOffset(2023, 7, 1, 9, 0, 0, TimeSpan.FromHours(8));
        await AddSampleSitesAsync(db, campaign, start, ct);

        var sites = await db.Sites.Include(s => s.Communities).Include(s => s.SocialWorkers).Include(s => s.Transitions)
            .Where(s => s.CampaignId == campaign.Id && s.State != SiteState.Draft && s.State != SiteState.Submitted && s.State != SiteState.Returned)
            .OrderBy(s => s.Id).ToListAsync(ct);
        var today = ChinaTime.Today(_clock);
        var reports = 0;
        foreach (var site in sites.Where(s => s.Tier == SiteTier.CityDistrictJoint && s.State == SiteState.Approved))
            CompleteJointSite(site, campaign.Application, start);
        foreach (var (site, i) in sites.Select((s, i) => (s, i)))
        {
            site.MarkAsSample();
            var profile = (Profile)(i % 4);
            var random = new Random(1000 + site.Id);
            var station = new Actor(0, "示例数据生成", UserRole.StreetStation, site.DistrictId, site.Id);
            var floor = campaign.FundraisingFloorFenFor(site.Tier, site.JointSiteNumber) ?? 2_000_000;
            var first = ProgressReport.FirstPeriodStart(site.Tier, ChinaTime.ToChina(site.ApprovedAt ?? start), campaign.ReportingStartsOn);
            for (var month = first; month.AddMonths(1).AddDays(-1) <= today; month = month.AddMonths(1))
            {
                var n = (month.Year - 2023) * 12 + month.Month - 7;
                var periodEnd = new DateTimeOffset(month.AddMonths(1).AddDays(-1).ToDateTime(new TimeOnly(17, 0)), TimeSpan.FromHours(8));
                var report = ProgressReport.Open(site, month.Year, month.Month, campaign.ReportingPeriodMonths, station, periodEnd, campaign.ReportingStartsOn);
                var ids = site.Communities.Select(c => c.Id).ToList();
                report.Update(station, Month(site, profile, n, month, floor, random), ids, campaign.ReportingStartsOn);
                report.Submit(station, periodEnd, ids, campaign.ReportingStartsOn);
                db.ProgressReports.Add(report);
                reports++;
            }
        }
        await db.SaveChangesAsync(ct);
        return reports;
    }

    private static async Task AddSampleSitesAsync(WuSheDbContext db, Campaign campaign, DateTimeOffset at, CancellationToken ct)
    {
        var districts = await db.Districts.Where(d => d.CampaignId == campaign.Id).OrderBy(d => d.SortOrder).ToListAsync(ct);
        var ledgers = await Campaigns.QuotaLedgers.ForDistrictsAsync(db, districts, ct);
        foreach (var d in districts)
        {
            var after = ledgers[d.Id].Remaining - new QuotaCount(1, 2);
            if (after.Streets < 0 || after.Communities < after.Streets * campaign.Application.MinimumCommunities) continue;
            var officer = new Actor(0, "示例数据生成", UserRole.DistrictOfficer, d.Id);
            var street = $"{d.Name.TrimEnd('区')}示例街道（示例）";
            var details = new ApplicationDetails(street,
                new[] { new CommunityEntry("示例甲社区", 6800, "示例数据", 2023), new CommunityEntry("示例乙社区", 5200, "示例数据", 2023) },
                $"{street}社会工作服务站", "示例地址", new[] { new SocialWorkerEntry("示例社工一", "示例合同-1", ""), new SocialWorkerEntry("示例社工二", "示例合同-2", "") },
                "天津市慈善协会", true, ServiceArea.ElderlyCare | ServiceArea.SocialAssistance, "", "示例联系人", "022-00000000");
            var site = Site.DraftApplication(campaign.Id, d.Id, officer, details, at);
            site.Submit(officer, ledgers[d.Id], at, 2023);
            site.Approve(Generator, at);
            site.MarkAsSample();
            db.Sites.Add(site);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The district completes a designated joint site's details and starts creation, as it would by hand.</summary>
    internal static void CompleteJointSite(Site site, ApplicationRules rules, DateTimeOffset at)
    {
        var officer = new Actor(0, "示例数据生成", UserRole.DistrictOfficer, site.DistrictId);
        var random = new Random(site.Id);
        site.UpdateDetails(officer, site.Details with
        {
            Communities = site.Communities.OrderBy(c => c.SortOrder)
                .Select(c => new CommunityEntry(c.Name, 4000 + random.Next(6000), "社区台账（示例）", 2023)).ToList(),
            StationName = $"{site.Street}社会工作服务站",
            StationAddress = $"{site.Street}（示例地址）",
            SocialWorkers = new[] { new SocialWorkerEntry("示例社工甲", "示例购买服务合同-1", ""), new SocialWorkerEntry("示例社工乙", "示例购买服务合同-2", "") },
            FundCharity = "天津市慈善协会",
            FundCharityHasPublicFundraisingStatus = true,
            ServiceAreas = ServiceArea.ElderlyCare | ServiceArea.ChildWelfare | ServiceArea.DisabilityAssistance,
            ContactName = "示例联系人",
            ContactPhone = "022-00000000",
        });
        site.StartCreation(officer, rules, at, 2023);
    }

    /// <summary>One month of plausible progress for a profile: figures grow over the months; entries are this month's.</summary>
    internal static ReportContent Month(Site site, Profile profile, int n, DateOnly month, long floorFen, Random random)
    {
        var grow = Math.Min(1.0, (n + 2) / 6.0);
        var communities = site.Communities.OrderBy(c => c.SortOrder).Select(c =>
        {
            var residents = c.ResidentPopulation ?? 5000 + random.Next(4000);
            var registeredShare = profile == Profile.FewVolunteers ? 0.10 + 0.02 * grow : 0.12 + 0.06 * grow;
            var registered = (int)(residents * registeredShare);
            var activeShare = profile == Profile.Slow ? 0.30 + 0.08 * grow : 0.35 + 0.15 * grow;
            return new CommunityFigures(c.Id, n >= 1 ? 2 : 0, n >= 2 || profile != Profile.Slow ? 1 : 0, n >= 1 ? 1 : 0, residents, registered,
                (int)(registered * (month.Month <= 2 ? activeShare / 3 : activeShare)));
        }).ToList();
        var organisationsSoFar = profile == Profile.Slow ? Math.Min(4, n / 2) : Math.Min(6, n);
        var organisationsBefore = profile == Profile.Slow ? Math.Min(4, (n - 1) / 2) : Math.Min(6, n - 1);
        var monthlyTarget = profile == Profile.LowFundraising ? floorFen * 6 / 100 : floorFen * 11 / 100;
        var day = (int d) => new DateOnly(month.Year, month.Month, Math.Min(d, DateTime.DaysInMonth(month.Year, month.Month)));
        return ReportContent.Empty with
        {
            FullTimeSocialWorkers = profile == Profile.Slow && n < 4 ? 1 : 2,
            FundEstablished = n >= 1,
            FundCharity = n >= 1 ? "天津市慈善协会" : "",
            FundCharityHasPublicFundraisingStatus = n >= 1,
            FundSetUpOn = n >= 1 ? new DateOnly(2023, 8, 15) : null,
            Communities = communities,
            Organisations = Enumerable.Range(Math.Max(0, organisationsBefore) + 1, Math.Max(0, organisationsSoFar - Math.Max(0, organisationsBefore)))
                .Select(i => new OrganisationEntry(Guid.NewGuid(), $"{site.Street}第{i}支社区社会组织（示例）", i % 2 == 0 ? "公益慈善类" : "文体活动类",
                    i % 3 == 0 ? OrganisationStatus.Registered : OrganisationStatus.Filed, day(10))).ToList(),
            Donations = n < 1 ? Array.Empty<DonationEntry>() : new[]
            {
                new DonationEntry(Guid.NewGuid(), new DateTimeOffset(day(8).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)), "示例爱心企业",
                    DonationKind.Cash, "", monthlyTarget * (70 + random.Next(20)) / 100),
                new DonationEntry(Guid.NewGuid(), new DateTimeOffset(day(22).ToDateTime(new TimeOnly(15, 0)), TimeSpan.FromHours(8)), "示例超市",
                    DonationKind.InKind, "慰问物资（示例）", monthlyTarget * (15 + random.Next(15)) / 100),
            },
            Activities = new[]
            {
                new ServiceActivityEntry(Guid.NewGuid(), ServiceArea.ElderlyCare, day(12), "独居老人探访（示例）", 15 + random.Next(30)),
                new ServiceActivityEntry(Guid.NewGuid(), n % 2 == 0 ? ServiceArea.ChildWelfare : ServiceArea.DisabilityAssistance, day(18), "困境儿童/残疾人关爱（示例）", 8 + random.Next(20)),
            },
            Promotions = (n, profile) switch
            {
                (3, not Profile.Slow) => new[] { new PromotionEntry(Guid.NewGuid(), PromotionKind.Research, "“五社联动”机制专题研究（示例）", day(25), "示例课题组") },
                (4, _) => new[] { new PromotionEntry(Guid.NewGuid(), PromotionKind.MediaReport, "社区基金助力困难群众（示例）", day(20), "示例媒体") },
                (5, not Profile.Slow) => new[] { new PromotionEntry(Guid.NewGuid(), PromotionKind.CaseWriteUp, "服务案例汇编（示例）", day(28), "区民政局") },
                _ => Array.Empty<PromotionEntry>(),
            },
        };
    }
}
