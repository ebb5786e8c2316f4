using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.Tests.Support;

namespace WuShe.Tests.Persistence;

/// <summary>The real start-up path on a real SQLite file: create, migrate, seed; and again without duplicates.</summary>
public class DatabaseInitializerTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private async Task<Dictionary<string, long>> StartAndCountAsync(string environment)
    {
        await using var app = WuSheHost.Build(new[]
        {
            "--environment", environment,
            $"--WuShe:DatabasePath={_folder.File("wushe.db")}",
            "--WuShe:DevelopmentAccountPassword=Test@2023", "--WuShe:SampleData=false",
        });
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        var contexts = app.Services.GetRequiredService<IDbContextFactory<WuSheDbContext>>();
        await using var db = await contexts.ForSystemAsync();
        return new Dictionary<string, long>
        {
            ["campaigns"] = await db.Campaigns.CountAsync(),
            ["districts"] = await db.Districts.CountAsync(),
            ["sites"] = await db.Sites.CountAsync(),
            ["communities"] = await db.Communities.CountAsync(),
            ["standards"] = await db.Set<WuShe.Domain.Campaigns.CreationStandard>().CountAsync(),
            ["requirements"] = await db.Set<WuShe.Domain.Campaigns.StandardRequirement>().CountAsync(),
            ["milestones"] = await db.Set<WuShe.Domain.Campaigns.Milestone>().CountAsync(),
            ["users"] = await db.UserAccounts.CountAsync(),
            ["pending migrations"] = (await db.Database.GetPendingMigrationsAsync()).Count(),
            ["wal"] = await db.Database.SqlQuery("PRAGMA journal_mode;") == "wal" ? 1 : 0,
        };
    }

    [Fact]
    public async Task A_new_file_is_created_migrated_and_seeded_and_a_second_start_changes_nothing()
    {
        Assert.False(File.Exists(_folder.File("wushe.db")));
        var first = await StartAndCountAsync("Development");

        Assert.True(File.Exists(_folder.File("wushe.db")));
        Assert.Equal(1, first["campaigns"]);
        Assert.Equal(16, first["districts"]);
        Assert.Equal(11, first["sites"]);
        Assert.Equal(24, first["communities"]);
        Assert.Equal(7, first["standards"]);
        Assert.Equal(16, first["requirements"]);
        Assert.Equal(2, first["milestones"]);
        Assert.Equal(6, first["users"]);
        Assert.Equal(0, first["pending migrations"]);
        Assert.Equal(1, first["wal"]);

        var second = await StartAndCountAsync("Development");
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task A_new_file_runs_on_SQLite_3_50_or_later_from_the_initial_migration_and_a_second_start_adds_none()
    {
        await StartAndCountAsync("Production");
        var (version, migrations) = await VersionAndMigrationsAsync();
        Assert.True(Version.Parse(version) >= new Version(3, 50), $"SQLite {version}");
        Assert.EndsWith("_Initial", migrations[0]);
        Assert.Equal(typeof(WuSheDbContext).Assembly.GetTypes()
            .Count(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false).Length > 0), migrations.Count);

        await StartAndCountAsync("Production");
        Assert.Equal(migrations, (await VersionAndMigrationsAsync()).Migrations);
    }

    private async Task<(string Version, IReadOnlyList<string> Migrations)> VersionAndMigrationsAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_folder.File("wushe.db")};Pooling=False");
        await connection.OpenAsync();
        await using var version = connection.CreateCommand();
        version.CommandText = "SELECT sqlite_version();";
        var text = (string)(await version.ExecuteScalarAsync())!;
        await using var history = connection.CreateCommand();
        history.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId;";
        var migrations = new List<string>();
        await using var reader = await history.ExecuteReaderAsync();
        while (await reader.ReadAsync()) migrations.Add(reader.GetString(0));
        return (text, migrations);
    }

    [Fact]
    public async Task Production_never_creates_the_development_accounts()
    {
        var counts = await StartAndCountAsync("Production");
        Assert.Equal(0, counts["users"]);
        Assert.Equal(16, counts["districts"]);
    }

    public void Dispose() => _folder.Dispose();
}

internal static class RawSql
{
    public static async Task<string> SqlQuery(this Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database, string sql)
    {
        var connection = database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync()) ?? "";
    }
}
