using System.Security.Cryptography;
using System.Text;
using Bogus;
using Microsoft.EntityFrameworkCore;
using WuShe.App.Data;
using WuShe.App.Data.Seeding;
using WuShe.App.Hosting;
using WuShe.Domain.Accounts;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Evaluations;
using WuShe.Domain.Progress;
using WuShe.Domain.Sites;

namespace WuShe.App.Benchmarks;

public sealed record GeneratedStats(int Districts, int Sites, int Communities, int Reports, int Evaluations, long DonationFen, string Checksum);

/// <summary>
/// Builds a campaign of a given size into its own SQLite file, deterministically from a seed: the Tianjin campaign (1×)
/// with every district's quota filled, plus 16 × (scale − 1) generated districts with Chinese names (Bogus zh_CN);
/// sites applied for, approved and started through the domain; monthly progress from 2023-07; a mid-term evaluation
/// for every second site.
/// </summary>
public static class ScaleGenerator
{
    public static readonly DateOnly FirstMonth = new(2023, 7, 1);
    private static readonly DateTimeOffset Start = new(2023, 6, 15, 9, 0, 0, TimeSpan.FromHours(8));

    public static async Task<GeneratedStats> GenerateAsync(string databasePath, int scale, int seed, int months = 24, Action<string>? log = null)
    {
        if (scale < 1) throw new ArgumentOutOfRangeException(nameof(scale), "规模至少为 1。");
        foreach (var f in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" }) File.Delete(f);
        await using var app = BenchmarkHost.Build(databasePath);
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        var contexts = app.Services.GetRequiredService<IDbContextFactory<WuSheDbContext>>();

        int campaignId, sortOrder;
        await using (var db = await contexts.ForSystemAsync())
        {
            var campaign = await db.Campaigns.SingleAsync();
            campaignId = campaign.Id;
            sortOrder = await db.Districts.CountAsync();
            var template = await db.Districts.OrderBy(d => d.SortOrder).ToListAsync();
            var faker = new Faker("zh_CN") { Random = new Randomizer(seed) };
            var names = new HashSet<string>(template.Select(d => d.Name));
            for (var copy = 1; copy < scale; copy++)
                foreach (var t in template)
                {
                    var name = $"{faker.Address.City().TrimEnd('市')}{faker.PickRandom("新区", "区", "开发区")}";
                    for (var n = 2; !names.Add(name); n++) name = $"{name.TrimEnd('区')}{n}区"; // the zh_CN city list is short
                    db.Districts.Add(new District(campaignId, $"9{copy:000}{t.SortOrder:00}", name, t.StreetQuota, t.CommunityQuota, ++sortOrder, campaign.Application));
                }
            await db.SaveChangesAsync();
        }

        var districtIds = await Query(contexts, db => db.Districts.OrderBy(d => d.SortOrder).Select(d => d.Id).ToListAsync());
        var reports = 0;
        var evaluations = 0;
        foreach (var (districtId, index) in districtIds.Select((d, i) => (d, i)))
        {
            await using var db = await contexts.ForSystemAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var campaign = await db.Campaigns.SingleAsync();
            var random = new Random(seed * 7919 + index);
            var faker = new Faker("zh_CN") { Random = new Randomizer(seed * 104729 + index) };
            await AddSitesAsync(db, campaign, districtId, faker);
            var sites = await db.Sites.Include(s => s.Communities).Include(s => s.SocialWorkers).Include(s => s.Transitions)
                .Where(s => s.DistrictId == districtId).OrderBy(s => s.Id).AsSplitQuery().ToListAsync();
            foreach (var (site, i) in sites.Select((s, i) => (s, i)))
            {
                if (site.State == SiteState.Approved) SampleProgress.CompleteJointSite(site, campaign.Application, Start);
                var station = new Actor(0, "规模测试数据", UserRole.StreetStation, site.DistrictId, site.Id);
                var profile = (SampleProgress.Profile)((i + index) % 4);
                var floor = campaign.FundraisingFloorFenFor(site.Tier, site.JointSiteNumber) ?? 2_000_000;
                var ids = site.Communities.Select(c => c.Id).ToList();
                for (var n = 0; n < months; n++)
                {
                    var month = FirstMonth.AddMonths(n);
                    var end = new DateTimeOffset(month.AddMonths(1).AddDays(-1).ToDateTime(new TimeOnly(17, 0)), TimeSpan.FromHours(8));
                    var report = ProgressReport.Open(site, month.Year, month.Month, campaign.ReportingPeriodMonths, station, end, campaign.ReportingStartsOn);
                    report.Update(station, SampleProgress.Month(site, profile, n, month, floor, random), ids, campaign.ReportingStartsOn);
                    report.Submit(station, end, ids, campaign.ReportingStartsOn);
                    db.ProgressReports.Add(report);
                    reports++;
                }
                if (i % 2 == 0 && months >= 6)
                {
                    db.Evaluations.Add(MidTerm(site, campaign.Rubric, random));
                    evaluations++;
                }
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            if (index % 16 == 15) log?.Invoke($"已生成 {index + 1} / {districtIds.Count} 个区，进展报告 {reports} 份");
        }
        return await StatsAsync(contexts, evaluations);
    }

    /// <summary>Fills a district's quota: sites of 2 communities (3 for the last when one is left over), applied, submitted, approved.</summary>
    private static async Task AddSitesAsync(WuSheDbContext db, Campaign campaign, int districtId, Faker faker)
    {
        var district = await db.Districts.SingleAsync(d => d.Id == districtId);
        var ledger = await Campaigns.QuotaLedgers.ForDistrictAsync(db, district, default);
        var officer = new Actor(0, "规模测试数据", UserRole.DistrictOfficer, districtId);
        var city = new Actor(0, "规模测试数据", UserRole.CityAdministrator, null);
        var (streets, communities) = (ledger.Remaining.Streets, ledger.Remaining.Communities);
        var streetNames = new HashSet<string>(await db.Sites.Where(s => s.DistrictId == districtId).Select(s => s.Street).ToListAsync());
        var added = new List<Site>();
        while (streets > 0 && communities >= campaign.Application.MinimumCommunities)
        {
            var size = streets == 1 ? Math.Min(3, communities) : campaign.Application.MinimumCommunities;
            var street = $"{faker.Address.StreetName().TrimEnd('路', '街')}{faker.PickRandom("街道", "镇")}";
            for (var n = 2; !streetNames.Add(street); n++) street = $"{street.TrimEnd('道', '镇', '街')}{n}{faker.PickRandom("街道", "镇")}";
            var names = new HashSet<string>();
            for (var n = 1; names.Count < size; n++)
                names.Add($"{faker.Name.LastName()}{faker.PickRandom("家园", "花园", "新村", "里", "苑", "庄")}{(n > 20 ? n.ToString() : "")}{(faker.Random.Bool(0.2f) ? "村" : "社区")}");
            var details = new ApplicationDetails(street,
                names.Select(n => new CommunityEntry(n, faker.Random.Int(3000, 12000), "规模测试数据", 2023)).ToList(),
                $"{street}社会工作服务站", faker.Address.StreetAddress(),
                new[] { new SocialWorkerEntry(faker.Name.FullName(), "规模测试合同-1", ""), new SocialWorkerEntry(faker.Name.FullName(), "规模测试合同-2", "") },
                "天津市慈善协会", true, ServiceArea.ElderlyCare | ServiceArea.SocialAssistance, "", faker.Name.FullName(), "022-00000000");
            var site = Site.DraftApplication(campaign.Id, districtId, officer, details, Start);
            site.Submit(officer, QuotaLedger.For(district.StreetQuota, district.CommunityQuota,
                added.Select((s, i) => new SiteQuotaLine(-1 - i, s.State, s.Communities.Count)).Concat(
                    await db.Sites.Where(s => s.DistrictId == districtId).Select(s => new SiteQuotaLine(s.Id, s.State, s.Communities.Count)).ToListAsync()),
                campaign.Application), Start, 2023);
            site.Approve(city, Start);
            added.Add(site);
            db.Sites.Add(site);
            (streets, communities) = (streets - 1, communities - size);
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
    }

    private static Evaluation MidTerm(Site site, Rubric rubric, Random random)
    {
        var joint = site.Tier == SiteTier.CityDistrictJoint;
        var actor = joint ? new Actor(0, "规模测试数据", UserRole.CityAdministrator, null) : new Actor(0, "规模测试数据", UserRole.DistrictOfficer, site.DistrictId);
        var evaluator = joint ? new Actor(-1, "规模测试评估专家", UserRole.CityEvaluator, null) : actor;
        var e = Evaluation.Open(site, EvaluationPhase.MidTerm, 1, rubric, actor, new[] { (evaluator.UserId, evaluator.Name) }, [], Start.AddMonths(6));
        e.Score(evaluator, rubric.Items.ToDictionary(i => i.Key, i => Math.Round(i.MaxPoints * (decimal)(0.6 + random.NextDouble() * 0.4))), "规模测试评估意见");
        e.Submit(evaluator, site, Start.AddMonths(6));
        return e;
    }

    private static async Task<GeneratedStats> StatsAsync(IDbContextFactory<WuSheDbContext> contexts, int evaluations)
    {
        await using var db = await contexts.ForSystemAsync();
        var streets = await db.Sites.OrderBy(s => s.Id).Select(s => s.Street).ToListAsync();
        var communities = await db.Communities.OrderBy(c => c.Id).Select(c => c.Name + c.ResidentPopulation).ToListAsync();
        var donations = await db.ProgressReports.SelectMany(r => r.Donations, (r, d) => d.AmountFen).ToListAsync();
        var checksum = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("|", streets) + "#" + string.Join("|", communities) + "#" + donations.Sum())))[..16];
        return new GeneratedStats(await db.Districts.CountAsync(), streets.Count, communities.Count, await db.ProgressReports.CountAsync(), evaluations,
            donations.Sum(), checksum);
    }

    private static async Task<T> Query<T>(IDbContextFactory<WuSheDbContext> contexts, Func<WuSheDbContext, Task<T>> query)
    {
        await using var db = await contexts.ForSystemAsync();
        return await query(db);
    }
}

/// <summary>The app's services on a benchmark database: development-style replay at a fixed date, no accounts or sample data.</summary>
public static class BenchmarkHost
{
    public static readonly DateOnly Today = new(2024, 6, 20);

    public static Microsoft.AspNetCore.Builder.WebApplication Build(string databasePath, params string[] extra) => WuSheHost.Build(new[]
    {
        "--environment", "Development", $"--WuShe:DatabasePath={databasePath}", "--WuShe:SampleData=false",
        "--WuShe:DevelopmentAccountPassword=", $"--WuShe:Today={Today:yyyy-MM-dd}", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:WuShe.App.Alerts.AlertScan=Information",
        $"--WuShe:EvidencePath={Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, "bench-evidence")}",
    }.Concat(extra).ToArray());
}
