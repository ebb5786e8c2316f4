using WuShe.App.Data;
using WuShe.App.Hosting;

if (args.Length > 0 && args[0] == "users")
    return await WuShe.App.Accounts.UsersCommand.RunAsync(args, Console.In, Console.Out, Console.Error);
if (args.Length > 0 && args[0] is "benchmark" or "generate")
    return await WuShe.App.Benchmarks.BenchmarkCommand.RunAsync(args, Console.Out);

if (args.Length > 0 && WuShe.App.Admin.DataCommand.Handles(args[0]))
    return await WuShe.App.Admin.DataCommand.RunAsync(args, Console.Out, Console.Error);

var app = WuSheHost.Build(args);
// One app per database: a restore, and a second start on the same SQLite file, wait until this one stops.
using var instance = InstanceLock.TryAcquire(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WuSheOptions>>().Value
        .ResolvePaths(app.Environment.ContentRootPath).Folder);
if (instance is null)
{
    Console.Error.WriteLine("同一数据库已有应用在运行（或正在恢复备份），本次启动已停止。");
    return 1;
}
WuSheHost.UsePipeline(app);
await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
await app.RunAsync();
return 0;

/// <summary>Entry point; the set-up lives in <see cref="WuSheHost"/>.</summary>
public partial class Program;
