using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.Tests.Support;

namespace WuShe.Tests.Persistence;

/// <summary>An installation upgraded to fundraising years: stored donations get their month in Shanghai.</summary>
public class FundraisingYearMigrationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Donations_stored_before_the_upgrade_get_their_month_in_Shanghai()
    {
        await using var app = WuSheHost.Build(new[]
        {
            "--environment", "Production", $"--WuShe:DatabasePath={_folder.File("wushe.db")}", "--WuShe:SampleData=false",
        });
        var contexts = app.Services.GetRequiredService<IDbContextFactory<WuSheDbContext>>();
        await using var db = await contexts.ForSystemAsync();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("20261122062856_CampaignSchedule");

        var converter = new DateTimeOffsetToBinaryConverter();
        var cases = new (DateTimeOffset At, int Month)[]
        {
            (new DateTimeOffset(2023, 12, 31, 23, 59, 59, TimeSpan.FromHours(8)), 12),
            (new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)), 1),
            (new DateTimeOffset(2023, 12, 31, 16, 0, 0, TimeSpan.Zero), 1),       // 2024-01-01 00:00 in Shanghai
            (new DateTimeOffset(2024, 6, 30, 10, 59, 0, TimeSpan.FromHours(-5)), 6), // 23:59 in Shanghai
            (new DateTimeOffset(2024, 6, 30, 11, 0, 0, TimeSpan.FromHours(-5)), 7),
        };
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using (var off = connection.CreateCommand()) { off.CommandText = "PRAGMA foreign_keys = OFF;"; await off.ExecuteNonQueryAsync(); }
        foreach (var (c, i) in cases.Select((c, i) => (c, i)))
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO ReportDonations (Id, AmountFen, Description, Donor, Key, Kind, ReceivedAt, ReportId, Year) " +
                                 "VALUES ($id, 100, '', '捐赠方', $key, 'Cash', $at, 1, 2024);";
            insert.Parameters.AddWithValue("$id", i + 1);
            insert.Parameters.AddWithValue("$key", Guid.NewGuid().ToString().ToUpperInvariant());
            insert.Parameters.AddWithValue("$at", (long)converter.ConvertToProvider(c.At)!);
            await insert.ExecuteNonQueryAsync();
        }

        await migrator.MigrateAsync();
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT Month FROM ReportDonations ORDER BY Id;";
        var months = new List<int>();
        await using (var reader = await read.ExecuteReaderAsync())
            while (await reader.ReadAsync()) months.Add(reader.GetInt32(0));
        Assert.Equal(cases.Select(c => c.Month), months);
        // The domain's own month for the same instants agrees with the migration's.
        Assert.Equal(cases.Select(c => c.Month), cases.Select(c => new WuShe.Domain.Progress.DonationEntry(Guid.Empty, c.At, "x", default, "", 1).Month));
    }

    public void Dispose() => _folder.Dispose();
}

/// <summary>What the upgrades write into existing Tianjin installations is what its campaign file states.</summary>
public class CampaignDataMigrationTests
{
    [Fact]
    public void The_application_rules_the_upgrade_writes_equal_the_campaign_file() =>
        Assert.Equal(Seeded.Rules, Written<WuShe.Domain.Campaigns.ApplicationRules>(new WuShe.App.Data.Migrations.CampaignApplicationRules()));

    [Fact]
    public void The_notice_clauses_the_upgrade_writes_equal_the_campaign_file() =>
        Assert.Equal(Seeded.Clauses, Written<WuShe.Domain.Campaigns.NoticeClauses>(new WuShe.App.Data.Migrations.CampaignNoticeClauses()));

    private static T? Written<T>(Migration migration) where T : class
    {
        var sql = migration.UpOperations.OfType<Microsoft.EntityFrameworkCore.Migrations.Operations.SqlOperation>().Single().Sql;
        var json = sql[(sql.IndexOf("= '", StringComparison.Ordinal) + 3)..sql.IndexOf("' WHERE", StringComparison.Ordinal)];
        return (T?)WuShe.App.Data.Configurations.JsonColumn.Converter<T?>(null).ConvertFromProvider(json);
    }
}
