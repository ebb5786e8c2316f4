using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace WuShe.Tests.Support;

/// <summary>
/// The real app, started once per test collection as its own process on a free 127.0.0.1 port, in Development
/// (so the role accounts exist), on a fresh SQLite file. Browser tests share one Chromium through <see cref="BrowserAsync"/>.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string Password = "Test@2023!";

    private readonly TempFolder _folder = new();
    private readonly StringBuilder _log = new();
    private Process? _process;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Development by default; outside Development the app has no accounts until the CLI adds one.</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>Settings this app starts with beyond the defaults below (environment variables, e.g. WuShe__Key).</summary>
    public Dictionary<string, string> Settings { get; init; } = new();

    public Uri BaseUri { get; private set; } = default!;
    public string DatabasePath => _folder.File("wushe.db");

    public async Task InitializeAsync()
    {
        BaseUri = new Uri($"http://127.0.0.1:{FreePort()}/");
        await StartProcessAsync();
    }

    /// <summary>Stops the app (as a crash would) and starts it again on the same address, database and key ring.</summary>
    public async Task StopAsync()
    {
        _process!.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public Task StartAgainAsync() => StartProcessAsync();

    private async Task StartProcessAsync()
    {
        var exe = AppExecutable();
        var start = new ProcessStartInfo(exe)
        {
            WorkingDirectory = Path.Combine(RepositoryRoot(), "WuShe.App"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = Environment;
        start.Environment["ASPNETCORE_URLS"] = BaseUri.ToString().TrimEnd('/');
        start.Environment["WuShe__DatabasePath"] = DatabasePath;
        start.Environment["WuShe__EvidencePath"] = _folder.File("evidence");
        start.Environment["WuShe__SampleData"] = "false";
        start.Environment["WuShe__DevelopmentAccountPassword"] = Password;
        // Sessions are re-checked on every request and open pages every 2 s, so revocation tests need no long waits.
        start.Environment["WuShe__Sessions__StampCheckInterval"] = "00:00:00";
        start.Environment["WuShe__Sessions__CircuitRevalidationInterval"] = "00:00:02";
        // The suite signs in hundreds of times from 127.0.0.1; the rate limit has its own test.
        start.Environment["WuShe__Sessions__SignInsPerMinutePerAddress"] = "100000";
        foreach (var (key, value) in Settings) start.Environment[key] = value;
        _process = Process.Start(start) ?? throw new InvalidOperationException($"无法启动 {exe}");
        _process.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilServingAsync(TimeSpan.FromSeconds(120));
    }

    /// <summary>An HTTP client with its own cookie jar that does not follow redirects, so tests see 302/403 as they are.</summary>
    public HttpClient NewClient()
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = BaseUri };
        _handlers.Add(client, handler);
        return client;
    }

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, HttpClientHandler> _handlers = new();

    /// <summary>Signs in through the real form (antiforgery token included); returns the response to the POST.</summary>
    public async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password = Password)
    {
        var form = await client.GetStringAsync("login");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        return await client.PostAsync("login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>The cookies a client holds for this app, as a request header (to replay them from another client).</summary>
    public string CookieHeader(HttpClient client) => (_handlers.TryGetValue(client, out var handler) ? handler : throw new ArgumentException("不是本应用的客户端。")).CookieContainer.GetCookieHeader(BaseUri);

    public async Task<HttpClient> SignedInClientAsync(string userName)
    {
        var client = NewClient();
        var response = await SignInAsync(client, userName);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"{userName} 登录失败：{(int)response.StatusCode}");
        await AddAntiforgeryTokenAsync(client);
        return client;
    }

    /// <summary>What an API client does once signed in: fetch the antiforgery token and send it with every request.</summary>
    public static async Task AddAntiforgeryTokenAsync(HttpClient client)
    {
        using var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("api/antiforgery"));
        client.DefaultRequestHeaders.Remove("RequestVerificationToken");
        client.DefaultRequestHeaders.Add("RequestVerificationToken", json.RootElement.GetProperty("token").GetString());
    }

    public async Task<IBrowser> BrowserAsync()
    {
        if (_browser is not null) return _browser;
        // A busy machine (the whole suite, Chromium and the app on two cores) can take seconds to hash a password or render:
        // expectations wait up to 15 s for what they await instead of Playwright's 5 s — passing tests are not slower.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = System.Environment.GetEnvironmentVariable("WUSHE_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = new[] { "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic" },
        });
        return _browser;
    }

    /// <summary>Runs the app's own command line (e.g. <c>users add …</c>) on this app's database; returns exit code and output.</summary>
    public async Task<(int Exit, string Output, string Error)> RunCommandAsync(string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo(AppExecutable())
        {
            WorkingDirectory = Path.Combine(RepositoryRoot(), "WuShe.App"),
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = Environment;
        start.Environment["WuShe__DatabasePath"] = DatabasePath;
        start.Environment["WuShe__EvidencePath"] = _folder.File("evidence");
        start.Environment["WuShe__SampleData"] = "false";
        start.Environment["WuShe__DevelopmentAccountPassword"] = Password;
        using var process = Process.Start(start)!;
        if (stdin is not null) await process.StandardInput.WriteLineAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The antiforgery token of a page's first form (the sign-out form on every signed-in page).</summary>
    public static async Task<string> FormTokenAsync(HttpClient client, string path) =>
        Regex.Match(await client.GetStringAsync(path), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

    /// <summary>A new browser context (own cookies) signed in as <paramref name="userName"/> through the real form.</summary>
    public async Task<IPage> SignedInPageAsync(string userName, int width = 1400, int height = 1000, float timeout = 20000, string password = Password)
    {
        var context = await (await BrowserAsync()).NewContextAsync(new() { BaseURL = BaseUri.ToString(), ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(timeout);
        await page.SignInAsync(userName, password);
        return page;
    }

    public string Log { get { lock (_log) return _log.ToString(); } }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _folder.Dispose();
        // Kept for diagnosing a failed run: the app's own log of this collection.
        var artifacts = Directory.CreateDirectory(Path.Combine(RepositoryRoot(), "artifacts"));
        await File.WriteAllTextAsync(Path.Combine(artifacts.FullName, "app-under-test.log"), Log);
    }

    private async Task WaitUntilServingAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
                throw new InvalidOperationException($"应用启动后退出（代码 {_process.ExitCode}）：\n{Log}");
            try
            {
                if ((await client.GetAsync("login")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"应用在 {timeout.TotalSeconds} 秒内未开始服务：\n{Log}");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The app built alongside these tests: WuShe.App/bin/{same configuration}/{same framework}/WuShe.App.</summary>
    private static string AppExecutable()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var name = OperatingSystem.IsWindows() ? "WuShe.App.exe" : "WuShe.App";
        var exe = Path.Combine(RepositoryRoot(), "WuShe.App", "bin", configuration, framework, name);
        return File.Exists(exe) ? exe : throw new FileNotFoundException($"找不到应用程序 {exe}，请先构建解决方案。");
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WuShe.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("找不到 WuShe.sln 所在的仓库根目录。");
    }
}

[CollectionDefinition(Name)]
public class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "running app";
}
