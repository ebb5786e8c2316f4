using WuShe.App.Data;
using WuShe.App.Hosting;

if (args.Length > 0 && args[0] == "users")
    return await WuShe.App.Accounts.UsersCommand.RunAsync(args, Console.In, Console.Out, Console.Error);
if (args.Length > 0 && args[0] is "benchmark" or "generate")
    return await WuShe.App.Benchmarks.BenchmarkCommand.RunAsync(args, Console.Out);

var app = WuSheHost.Build(args);
WuSheHost.UsePipeline(app);
await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
await app.RunAsync();
return 0;

/// <summary>Entry point; the set-up lives in <see cref="WuSheHost"/>.</summary>
public partial class Program;
