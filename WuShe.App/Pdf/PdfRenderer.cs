using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using WuShe.App.Hosting;

namespace WuShe.App.Pdf;

/// <summary>Chromium or the CJK fonts are missing: the message says what to install.</summary>
public class PdfUnavailableException : Exception
{
    public PdfUnavailableException(string message) : base(message) { }
}

/// <summary>
/// Razor report components → HTML (Blazor's HtmlRenderer) → A4 PDF by headless Chromium through Playwright, with
/// "第 N 页 / 共 M 页" in every footer. One browser is launched lazily and reused; at most two pages render at once.
/// </summary>
public sealed class PdfRenderer : IAsyncDisposable
{
    private readonly IServiceProvider _services;
    private readonly ILoggerFactory _logs;
    private readonly ChromiumProbe _probe;
    private readonly WuSheOptions _options;
    private readonly SemaphoreSlim _launch = new(1, 1);
    /// <summary>Prints in flight at once: on 2 cores 4 gave 3.1 PDFs/s, 6 no more (docs/BENCHMARKS.md).</summary>
    private readonly SemaphoreSlim _pages = new(4, 4);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IBrowserContext? _context;

    public PdfRenderer(IServiceProvider services, ILoggerFactory logs, ChromiumProbe probe, IOptions<WuSheOptions> options)
    {
        _services = services;
        _logs = logs;
        _probe = probe;
        _options = options.Value;
    }

    public async Task<string> HtmlAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        await using var scope = _services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, _logs);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }

    public async Task<byte[]> PdfAsync<TComponent>(IDictionary<string, object?> parameters, string footerNote, CancellationToken ct = default)
        where TComponent : IComponent =>
        await RenderAsync(await HtmlAsync<TComponent>(parameters), footerNote, ct);

    public async Task<byte[]> RenderAsync(string html, string footerNote, CancellationToken ct = default)
    {
        var context = await ContextAsync();
        await _pages.WaitAsync(ct);
        try
        {
            // A page of one long-lived context: Browser.NewPageAsync would create a whole new context per report.
            var page = await context.NewPageAsync();
            try
            {
                await page.SetContentAsync(html, new() { WaitUntil = WaitUntilState.Load });
                return await page.PdfAsync(new PagePdfOptions
                {
                    Format = "A4",
                    PrintBackground = true,
                    DisplayHeaderFooter = true,
                    HeaderTemplate = "<span></span>",
                    FooterTemplate = "<div style=\"font-size:8pt;width:100%;padding:0 16mm;display:flex;justify-content:space-between;font-family:'Noto Sans CJK SC',sans-serif;color:#555\">"
                        + $"<span>{System.Net.WebUtility.HtmlEncode(footerNote)}</span><span>第 <span class=\"pageNumber\"></span> 页 / 共 <span class=\"totalPages\"></span> 页</span></div>",
                    Margin = new() { Top = "16mm", Bottom = "18mm", Left = "16mm", Right = "16mm" },
                });
            }
            finally
            {
                await page.CloseAsync();
            }
        }
        finally
        {
            _pages.Release();
        }
    }

    private async Task<IBrowserContext> ContextAsync()
    {
        if (_browser is { IsConnected: true } && _context is not null) return _context;
        await _launch.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true } && _context is not null) return _context;
            var chromium = await _probe.ChromiumAsync();
            if (!chromium.Found) throw new PdfUnavailableException($"无法生成 PDF：{chromium.Detail}。{chromium.Remedy}");
            var fonts = await _probe.CjkFontsAsync();
            if (!fonts.Found) throw new PdfUnavailableException($"无法生成 PDF：{fonts.Detail}。{fonts.Remedy}");
            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = _options.ChromiumPath,
                Headless = true,
                Args = new[] { "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic" },
            });
            _context = await _browser.NewContextAsync();
            return _context;
        }
        finally
        {
            _launch.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }
}
