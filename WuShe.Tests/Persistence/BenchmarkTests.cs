using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WuShe.App.Alerts;
using WuShe.App.Benchmarks;
using WuShe.App.Data;
using WuShe.App.Progress;
using WuShe.Domain.Accounts;
using WuShe.Tests.Support;

namespace WuShe.Tests.Persistence;

/// <summary>The scale generator is deterministic and its output runs through the same code as real data; the benchmark cannot rot.</summary>
public class BenchmarkTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task The_same_seed_gives_the_same_data_and_another_seed_does_not()
    {
        var a = await ScaleGenerator.GenerateAsync(_folder.File("a.db"), scale: 2, seed: 7, months: 6);
        var b = await ScaleGenerator.GenerateAsync(_folder.File("b.db"), scale: 2, seed: 7, months: 6);
        var c = await ScaleGenerator.GenerateAsync(_folder.File("c.db"), scale: 2, seed: 8, months: 6);
        Assert.Equal(a, b);
        Assert.NotEqual(a.Checksum, c.Checksum);
        Assert.Equal(32, a.Districts);
        Assert.Equal(48 + 50, a.Sites);          // Tianjin with its infeasible quotas (48) + one generated copy at full quota (50)
        Assert.Equal(a.Sites * 6, a.Reports);
    }

    [Fact]
    public async Task Generated_data_passes_the_compliance_dashboard_and_alert_code()
    {
        var db = _folder.File("gen.db");
        var stats = await ScaleGenerator.GenerateAsync(db, scale: 2, seed: 3, months: 12);
        await using var app = BenchmarkHost.Build(db);
        var scan = await app.Services.GetRequiredService<AlertScan>().RunAsync("测试", "测试");
        Assert.True(scan.OpenNow > 0);
        var board = await app.Services.GetRequiredService<ComplianceQueries>().DashboardAsync(new UserScope(UserRole.CityAdministrator, null, null), null, BenchmarkHost.Today);
        Assert.Equal(stats.Sites, board.Sites.Count);
        Assert.Equal(32, board.Districts.Count);
        Assert.Contains(board.Sites, s => s.MetCount > 0);
        await using var context = await app.Services.GetRequiredService<IDbContextFactory<WuSheDbContext>>().ForSystemAsync();
        Assert.All(await context.Districts.Where(d => d.Code.StartsWith("9")).Select(d => d.Name).ToListAsync(), n => Assert.EndsWith("区", n));
    }

    [Fact]
    public async Task The_benchmark_command_runs_at_a_tiny_size_and_prints_its_table()
    {
        var output = new StringWriter();
        var code = await BenchmarkCommand.RunAsync(new[] { "benchmark", "--scales", "1", "--runs", "1", "--pdfs", "2", "--months", "3", "--folder", _folder.Path }, output);
        var text = output.ToString();
        Assert.Equal(0, code);
        Assert.Contains("| 规模 | 测量 | 中位数 | 最小 | 最大 | 次数 | 说明 |", text);
        foreach (var row in new[] { "全量预警扫描", "扫描期间进程峰值内存", "全市看板数据", "区看板数据", "单个创建点达标面板", "结项报告 PDF（冷启动", "结项报告 PDF（热）",
                     "2 份结项报告 PDF：共享浏览器", "chromium --print-to-pdf 进程（基线）", "启动到首页可访问（热）" })
            Assert.Contains(row, text);
        Assert.DoesNotContain("NaN", text);
    }

    public void Dispose() => _folder.Dispose();
}
