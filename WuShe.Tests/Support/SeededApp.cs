using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WuShe.App.Data;
using Microsoft.Extensions.Hosting;
using WuShe.App.Hosting;
using WuShe.App.Jobs;
using WuShe.Domain.Accounts;

namespace WuShe.Tests.Support;

/// <summary>The app's real services on a fresh, migrated and seeded SQLite file, without a web server.</summary>
public class SeededApp : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    protected WebApplication App { get; private set; } = default!;

    public T Service<T>() where T : notnull => App.Services.GetRequiredService<T>();
    public WuSheDbContext NewContext() => Service<IDbContextFactory<WuSheDbContext>>().CreateDbContext().ReadAs(WuShe.Domain.Accounts.UserScope.System);

    public Task InitializeAsync() => BuildAsync();

    /// <summary>A new app on the same database and folders, started as after a stop: initialised, jobs not yet started.</summary>
    public async Task RestartAsync()
    {
        await App.DisposeAsync();
        await BuildAsync();
    }

    private async Task BuildAsync()
    {
        App = WuSheHost.Build(new[]
        {
            "--environment", "Development", $"--WuShe:DatabasePath={_folder.File("wushe.db")}", $"--WuShe:EvidencePath={_folder.File("evidence")}",
            "--WuShe:DevelopmentAccountPassword=Test@2023", "--WuShe:SampleData=false",
        }.Concat(ExtraArguments).ToArray());
        await Service<DatabaseInitializer>().InitializeAsync();
    }

    /// <summary>Configuration a test class adds, as command-line arguments (<c>--WuShe:Key=value</c>).</summary>
    protected virtual IEnumerable<string> ExtraArguments => Array.Empty<string>();

    /// <summary>
    /// Starts the scheduler as the app does (Quartz's hosted service, then the start-up catch-up), without the web
    /// server; disposing stops it and waits for running jobs.
    /// </summary>
    public async Task<IAsyncDisposable> StartJobsAsync()
    {
        var hosted = App.Services.GetServices<IHostedService>().Where(h => h is Quartz.QuartzHostedService or JobRecovery).ToList();
        foreach (var service in hosted) await service.StartAsync(default);
        return new Stopper(hosted);
    }

    private sealed record Stopper(IReadOnlyList<IHostedService> Services) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var service in Services.Reverse()) await service.StopAsync(default);
        }
    }

    public async Task<int> SiteIdAsync(string street)
    {
        await using var db = NewContext();
        return await db.Sites.Where(s => s.Street == street).Select(s => s.Id).SingleAsync();
    }

    public async Task<(Actor Actor, UserScope Scope)> UserAsync(string userName)
    {
        await using var db = NewContext();
        var user = await db.UserAccounts.SingleAsync(u => u.UserName == userName);
        return (user.Actor, user.Scope);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _folder.Dispose();
    }
}
