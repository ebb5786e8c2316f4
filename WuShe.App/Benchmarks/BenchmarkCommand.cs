using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WuShe.App.Alerts;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.App.Pdf;
using WuShe.App.Progress;
using WuShe.App.Reports;
using WuShe.Domain.Accounts;

namespace WuShe.App.Benchmarks;

public sealed record Measurement(string Scale, string What, IReadOnlyList<double> Values, string Unit, string Note = "")
{
    public double Median => Values.OrderBy(v => v).ElementAt(Values.Count / 2);
}

/// <summary>
/// `WuShe.App benchmark --scales 1,100 --runs 5 --pdfs 100`: generates (or reuses) a database per scale and measures the
/// real work — full alert scan, dashboards, one compliance panel, acceptance PDFs cold and warm, a batch of PDFs against
/// one Chromium process per report, and start-up to the first page — printing median, min and max as a markdown table.
/// `WuShe.App generate --scale 100 --seed 42 --out data/bench-100.db` only generates.
/// </summary>
public static class BenchmarkCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var options = Options(args);
        if (args[0] == "generate")
        {
            var stats = await ScaleGenerator.GenerateAsync(options.Get("out", "data/bench.db"), options.Int("scale", 1), options.Int("seed", 42),
                options.Int("months", 24), m => output.WriteLine(m));
            output.WriteLine(stats);
            return 0;
        }
        if (options.Has("trace")) Progress.ComplianceFacts.Trace = m => output.WriteLine("  " + m);
        var scales = options.Get("scales", "1,100").Split(',').Select(int.Parse).ToList();
        var runs = options.Int("runs", 5);
        var pdfs = options.Int("pdfs", 100);
        var folder = Path.GetFullPath(options.Get("folder", "data"));
        var results = new List<Measurement>();
        var generated = new List<string>();
        foreach (var scale in scales)
        {
            var db = Path.Combine(folder, $"bench-{scale}x.db");
            if (!File.Exists(db) || options.Has("regenerate"))
            {
                var watch = Stopwatch.StartNew();
                var stats = await ScaleGenerator.GenerateAsync(db, scale, options.Int("seed", 42), options.Int("months", 24), m => output.WriteLine(m));
                generated.Add($"{scale}×: {stats.Districts} 区，{stats.Sites} 个创建点，{stats.Communities} 个社区，{stats.Reports} 份进展报告，{stats.Evaluations} 份评估（生成用时 {watch.Elapsed.TotalSeconds:0} 秒，校验 {stats.Checksum}）");
            }
            results.AddRange(await MeasureScaleAsync($"{scale}×", db, runs, pdfs, output));
        }
        output.WriteLine();
        output.WriteLine(Table(results));
        foreach (var g in generated) output.WriteLine(g);
        return 0;
    }

    private static async Task<List<Measurement>> MeasureScaleAsync(string scale, string db, int runs, int pdfs, TextWriter output)
    {
        var results = new List<Measurement>();
        await using var app = BenchmarkHost.Build(db);
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        var city = new UserScope(UserRole.CityAdministrator, null, null);
        var contexts = app.Services.GetRequiredService<IDbContextFactory<WuSheDbContext>>();
        int siteId;
        string districtCode;
        await using (var context = await contexts.ForSystemAsync())
        {
            siteId = await context.Sites.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            districtCode = await context.Districts.OrderBy(d => d.SortOrder).Select(d => d.Code).FirstAsync();
        }
        output.WriteLine($"[{scale}] 预警扫描……");

        var scan = app.Services.GetRequiredService<AlertScan>();
        var scanTimes = new List<double>();
        var peaks = new List<double>();
        var written = 0;
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            using var sampler = new PeakMemory();
            var outcome = await scan.RunAsync("基准测试", "基准测试");
            scanTimes.Add(outcome.Duration.TotalMilliseconds);
            peaks.Add(sampler.PeakMegabytes);
            written = outcome.OpenNow;
        }
        results.Add(new(scale, "全量预警扫描", scanTimes, "ms", $"预警 {written} 条"));
        results.Add(new(scale, "扫描期间进程峰值内存", peaks, "MB"));

        var compliance = app.Services.GetRequiredService<ComplianceQueries>();
        // Computed: the data version is bumped before each run, as after a report is submitted. Reused: the same board read again.
        results.Add(new(scale, "全市看板数据（数据变更后计算）", await TimeAsync(runs, () => { DataVersion.Bump(); return compliance.DashboardAsync(city, null, BenchmarkHost.Today); }), "ms"));
        results.Add(new(scale, "全市看板数据（再次查看，复用）", await TimeAsync(runs, () => compliance.DashboardAsync(city, null, BenchmarkHost.Today)), "ms"));
        results.Add(new(scale, "区看板数据（数据变更后计算）", await TimeAsync(runs, () => { DataVersion.Bump(); return compliance.DashboardAsync(city, districtCode, BenchmarkHost.Today); }), "ms"));
        results.Add(new(scale, "单个创建点达标面板", await TimeAsync(runs, () => compliance.SiteAsync(city, siteId, BenchmarkHost.Today)), "ms"));

        output.WriteLine($"[{scale}] PDF……");
        var reports = app.Services.GetRequiredService<ReportService>();
        var cold = await TimeAsync(1, () => reports.AcceptancePdfAsync(city, siteId));
        results.Add(new(scale, "结项报告 PDF（冷启动，含启动浏览器）", cold, "ms"));
        results.Add(new(scale, "结项报告 PDF（热）", await TimeAsync(runs, () => reports.AcceptancePdfAsync(city, siteId)), "ms"));

        if (pdfs > 0)
        {
            var renderer = app.Services.GetRequiredService<PdfRenderer>();
            var ids = await Ids(contexts, pdfs);
            var htmls = new List<string>();
            foreach (var id in ids)
                htmls.Add(await renderer.HtmlAsync<AcceptanceReport>(new Dictionary<string, object?> { [nameof(AcceptanceReport.Model)] = await reports.AcceptanceModelAsync(city, id) }));
            var shared = Stopwatch.StartNew();
            await Task.WhenAll(htmls.Select(h => renderer.RenderAsync(h, "基准测试")));
            shared.Stop();
            var naive = Stopwatch.StartNew();
            await NaiveAsync(htmls, app.Services.GetRequiredService<IOptions<WuSheOptions>>().Value.ChromiumPath);
            naive.Stop();
            results.Add(new(scale, $"{htmls.Count} 份结项报告 PDF：共享浏览器（本系统）", new[] { shared.Elapsed.TotalMilliseconds }, "ms",
                $"{htmls.Count / shared.Elapsed.TotalSeconds:0.0} 份/秒"));
            results.Add(new(scale, $"{htmls.Count} 份结项报告 PDF：每份一个 chromium --print-to-pdf 进程（基线）", new[] { naive.Elapsed.TotalMilliseconds }, "ms",
                $"{htmls.Count / naive.Elapsed.TotalSeconds:0.0} 份/秒；本系统快 {naive.Elapsed / shared.Elapsed:0.0} 倍"));
        }

        output.WriteLine($"[{scale}] 启动……");
        var starts = new List<double>();
        for (var i = 0; i < Math.Max(2, Math.Min(runs, 3)); i++) starts.Add(await StartUpAsync(db));
        results.Add(new(scale, "启动到首页可访问（冷）", new[] { starts[0] }, "ms"));
        results.Add(new(scale, "启动到首页可访问（热）", starts.Skip(1).ToList(), "ms"));
        return results;
    }

    private static async Task<IReadOnlyList<int>> Ids(IDbContextFactory<WuSheDbContext> contexts, int count)
    {
        await using var db = await contexts.ForSystemAsync();
        var ids = await db.Sites.OrderBy(s => s.Id).Select(s => s.Id).Take(count).ToListAsync();
        return Enumerable.Range(0, count).Select(i => ids[i % ids.Count]).ToList();
    }

    /// <summary>The naive way: one headless Chromium process per report, in sequence.</summary>
    private static async Task NaiveAsync(IReadOnlyList<string> htmls, string chromium)
    {
        var folder = Directory.CreateTempSubdirectory("wushe-naive-").FullName;
        try
        {
            for (var i = 0; i < htmls.Count; i++)
            {
                var html = Path.Combine(folder, $"{i}.html");
                await File.WriteAllTextAsync(html, htmls[i], Encoding.UTF8);
                using var process = Process.Start(new ProcessStartInfo(chromium,
                    $"--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run " +
                    $"--user-data-dir={folder}/profile --no-pdf-header-footer --print-to-pdf={folder}/{i}.pdf file://{html}")
                { RedirectStandardError = true, RedirectStandardOutput = true })!;
                await process.WaitForExitAsync();
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The app started as its own process on this database, until /login answers 200.</summary>
    private static async Task<double> StartUpAsync(string db)
    {
        var port = FreePort();
        var watch = Stopwatch.StartNew();
        // The app's own executable sits next to its assembly (also in a test project's output).
        var exe = Path.Combine(Path.GetDirectoryName(typeof(BenchmarkCommand).Assembly.Location)!, OperatingSystem.IsWindows() ? "WuShe.App.exe" : "WuShe.App");
        var start = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["WuShe__DatabasePath"] = db;
        using var process = Process.Start(start)!;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            while (watch.Elapsed < TimeSpan.FromSeconds(120))
            {
                try
                {
                    if ((await http.GetAsync($"http://127.0.0.1:{port}/login")).IsSuccessStatusCode) return watch.Elapsed.TotalMilliseconds;
                }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) { }
                await Task.Delay(50);
            }
            return double.NaN;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<List<double>> TimeAsync<T>(int runs, Func<Task<T>> action)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    public static string Table(IEnumerable<Measurement> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| 规模 | 测量 | 中位数 | 最小 | 最大 | 次数 | 说明 |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---|");
        foreach (var m in results)
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {m.Scale} | {m.What} | {m.Median:0.0} {m.Unit} | {m.Values.Min():0.0} | {m.Values.Max():0.0} | {m.Values.Count} | {m.Note} |"));
        return sb.ToString();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed record Args(Dictionary<string, string> Values)
    {
        public string Get(string key, string fallback) => Values.GetValueOrDefault(key, fallback);
        public int Int(string key, int fallback) => Values.TryGetValue(key, out var v) ? int.Parse(v) : fallback;
        public bool Has(string key) => Values.ContainsKey(key);
    }

    private static Args Options(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 1; i < args.Length; i++)
            if (args[i].StartsWith("--")) values[args[i][2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--") ? args[++i] : "true";
        return new Args(values);
    }

    /// <summary>Samples the process working set while a measured step runs.</summary>
    private sealed class PeakMemory : IDisposable
    {
        private readonly Timer _timer;
        private long _peak;

        public PeakMemory()
        {
            _peak = Environment.WorkingSet;
            _timer = new Timer(_ => _peak = Math.Max(_peak, Environment.WorkingSet), null, 0, 10);
        }

        public double PeakMegabytes => Math.Max(_peak, Environment.WorkingSet) / 1024.0 / 1024.0;

        public void Dispose() => _timer.Dispose();
    }
}
