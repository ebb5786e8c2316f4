using WuShe.App.Data;
using WuShe.App.Hosting;

var app = WuSheHost.Build(args);
WuSheHost.UsePipeline(app);
await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
await app.RunAsync();

/// <summary>Entry point; the set-up lives in <see cref="WuSheHost"/>.</summary>
public partial class Program;
