using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.App.Progress;
using WuShe.Domain.Accounts;
using WuShe.Tests.Support;

namespace WuShe.Tests.Persistence;

/// <summary>The development sample data: marked 示例, varied (some complete, some short), once only, never in Production.</summary>
public class SampleDataTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private Microsoft.AspNetCore.Builder.WebApplication Build(string environment) => WuSheHost.Build(new[]
    {
        "--environment", environment, $"--WuShe:DatabasePath={_folder.File("wushe.db")}", "--WuShe:SampleData=true",
        "--WuShe:Today=2024-05-20", "--WuShe:DevelopmentAccountPassword=Test@2023",
    });

    [Fact]
    public async Task Development_gets_varied_sample_progress_once_and_the_dashboard_shows_it()
    {
        await using var app = Build("Development");
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        var contexts = app.Services.GetRequiredService<IDbContextFactory<WuSheDbContext>>();
        await using var db = await contexts.ForSystemAsync();

        var sampleSites = await db.Sites.Where(s => s.IsSample && s.Tier == WuShe.Domain.Sites.SiteTier.DistrictLevel).Select(s => s.Street).ToListAsync();
        Assert.NotEmpty(sampleSites);
        Assert.All(sampleSites, s => Assert.Contains("示例", s));
        Assert.DoesNotContain(sampleSites, s => s.StartsWith("和平"));
        var sites = await db.Sites.CountAsync();
        var reports = await db.ProgressReports.CountAsync();
        Assert.Equal(sites * 10, reports); // completed months 2023-07 … 2024-04, once each

        var board = await app.Services.GetRequiredService<ComplianceQueries>()
            .DashboardAsync(new UserScope(UserRole.CityAdministrator, null, null), null, new DateOnly(2023, 12, 31));
        Assert.Contains(board.Sites, s => s.Complete);
        Assert.Contains(board.Sites, s => !s.Complete);
        Assert.Contains(board.Sites, s => !s.MetStandards.Contains(5));
        Assert.Contains(board.Sites, s => !s.MetStandards.Contains(6) && s.FloorFen is not null);
        Assert.Equal(50, board.Milestones[0].Tasks);
    }

    [Fact]
    public async Task Milestone_alerts_and_the_dashboard_give_the_same_completion_for_the_same_day()
    {
        await using var app = Build("Development");
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        await app.Services.GetRequiredService<WuShe.App.Alerts.AlertScan>().RunAsync("手动", "测试");
        var board = await app.Services.GetRequiredService<ComplianceQueries>()
            .DashboardAsync(new UserScope(UserRole.CityAdministrator, null, null), null, new DateOnly(2024, 5, 20));
        var contexts = app.Services.GetRequiredService<IDbContextFactory<WuSheDbContext>>();
        await using var db = await contexts.ForSystemAsync();
        var alerts = await db.Alerts.Where(a => a.Rule == WuShe.Domain.Alerts.AlertRule.MilestoneRisk && a.Period == "2023-11-30").ToListAsync();

        var passed = board.Milestones.Single(m => m.DueDate == new DateOnly(2023, 11, 30));
        Assert.True(passed.Settled);
        Assert.Equal(new DateOnly(2023, 11, 30), passed.JudgedOn);
        foreach (var district in board.Districts)
        {
            var m = district.Milestones.Single(x => x.DueDate == passed.DueDate);
            var alert = alerts.SingleOrDefault(a => a.DistrictId == district.DistrictId);
            if (m.Reached || m.Tasks == 0) Assert.Null(alert);
            else Assert.Contains($"截至 2023-11-30（节点日）已完成 {m.CompleteSites} / {m.Tasks}", alert!.Numbers);
        }
        var city = alerts.SingleOrDefault(a => a.DistrictId == null);
        if (!passed.Reached) Assert.Contains($"已完成 {passed.CompleteSites} / {passed.Tasks}", city!.Numbers);
        Assert.Contains(alerts, a => a.DistrictId != null); // the sample data leaves some district short, so the test compares something
    }

    [Fact]
    public async Task Production_never_creates_sample_data()
    {
        await using var app = Build("Production");
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<WuSheDbContext>>().ForSystemAsync();
        Assert.False(await db.Sites.AnyAsync(s => s.IsSample));
        Assert.Equal(0, await db.ProgressReports.CountAsync());
    }

    public void Dispose() => _folder.Dispose();
}
