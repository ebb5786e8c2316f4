using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WuShe.App.Accounts;
using WuShe.App.Data.Seeding;
using WuShe.App.Hosting;

namespace WuShe.App.Data;

/// <summary>On start: create the SQLite file, apply migrations, switch to WAL, load seed campaigns, and in Development the role accounts.</summary>
public class DatabaseInitializer
{
    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private readonly CampaignSeeder _seeder;
    private readonly DevelopmentAccounts _developmentAccounts;
    private readonly FirstAdministrator _firstAdministrator;
    private readonly SampleProgress _sample;
    private readonly Reports.ReportBatches _batches;
    private readonly IHostEnvironment _environment;
    private readonly WuSheOptions _options;
    private readonly ILogger<DatabaseInitializer> _log;

    public DatabaseInitializer(IDbContextFactory<WuSheDbContext> contexts, CampaignSeeder seeder,
        DevelopmentAccounts developmentAccounts, FirstAdministrator firstAdministrator, SampleProgress sample, Reports.ReportBatches batches, IHostEnvironment environment,
        IOptions<WuSheOptions> options, ILogger<DatabaseInitializer> log)
    {
        _batches = batches;
        _firstAdministrator = firstAdministrator;
        _sample = sample;
        _contexts = contexts;
        _seeder = seeder;
        _developmentAccounts = developmentAccounts;
        _environment = environment;
        _options = options.Value;
        _log = log;
    }

    /// <param name="asCommand">For a command-line run beside a running app: migrate and seed only; leave the app's
    /// background work (batches it may be running) alone.</param>
    public async Task InitializeAsync(CancellationToken ct = default, bool asCommand = false)
    {
        await using (var db = await _contexts.ForSystemAsync(ct))
        {
            await db.Database.MigrateAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        if (!asCommand) await _batches.RecoverAsync(ct);
        var seeds = CampaignSeedReader.ReadAll(_options.ResolveSeedDataPath());
        var inserted = await _seeder.SeedAsync(seeds, ct);
        foreach (var code in inserted) _log.LogInformation("已导入种子活动 {Code}", code);
        if (_environment.IsDevelopment()) await _developmentAccounts.EnsureAsync(ct);
        if (!await _firstAdministrator.AnyAccountAsync(ct))
            _log.LogWarning("系统中还没有任何账号。请创建第一个管理员：{Command}", FirstAdministrator.Command);
        if (!_environment.IsDevelopment() || asCommand) return;
        if (_options.SampleData)
        {
            var reports = await _sample.EnsureAsync(ct);
            if (reports > 0) _log.LogInformation("已生成示例进展报告 {Count} 份", reports);
        }
    }
}
