using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.Domain.Accounts;

namespace WuShe.Tests.Support;

/// <summary>The app's real services on a fresh, migrated and seeded SQLite file, without a web server.</summary>
public class SeededApp : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    protected WebApplication App { get; private set; } = default!;

    public T Service<T>() where T : notnull => App.Services.GetRequiredService<T>();
    public WuSheDbContext NewContext() => Service<IDbContextFactory<WuSheDbContext>>().CreateDbContext();

    public async Task InitializeAsync()
    {
        App = WuSheHost.Build(new[]
        {
            "--environment", "Development", $"--WuShe:DatabasePath={_folder.File("wushe.db")}",
            "--WuShe:DevelopmentAccountPassword=Test@2023", "--WuShe:SampleData=false",
        });
        await Service<DatabaseInitializer>().InitializeAsync();
    }

    public async Task<(Actor Actor, UserScope Scope)> UserAsync(string userName)
    {
        await using var db = NewContext();
        var user = await db.UserAccounts.SingleAsync(u => u.UserName == userName);
        return (Actor.From(user), user.Scope);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _folder.Dispose();
    }
}
