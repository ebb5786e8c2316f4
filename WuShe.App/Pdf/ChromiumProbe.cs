using System.Diagnostics;
using Microsoft.Extensions.Options;
using WuShe.App.Hosting;

namespace WuShe.App.Pdf;

public sealed record ProbeResult(bool Found, string Detail, string Remedy);

/// <summary>Finds Chromium (for PDFs) and the CJK fonts (for Chinese in PDFs), and says what to install when they are missing.</summary>
public class ChromiumProbe
{
    private readonly WuSheOptions _options;

    public ChromiumProbe(IOptions<WuSheOptions> options) => _options = options.Value;

    public async Task<ProbeResult> ChromiumAsync()
    {
        var path = _options.ChromiumPath;
        if (!File.Exists(path))
            return new(false, $"未找到 Chromium：{path}", "Debian/Ubuntu：sudo apt-get install -y chromium；其他系统请安装 Chrome 或 Edge，并把配置项 WuShe:ChromiumPath 设为其路径。");
        var version = await RunAsync(path, "--version");
        return new(true, $"{path}（{version ?? "版本未知"}）", "");
    }

    public async Task<ProbeResult> CjkFontsAsync()
    {
        var families = await RunAsync("fc-list", ":lang=zh family");
        var names = (families ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(l => l.Split(',')).Where(f => f.Contains("CJK SC") || f.Contains("SC") || f.Contains("Hei") || f.Contains("Song"))
            .Distinct().Take(4).ToList();
        return names.Count > 0
            ? new(true, string.Join("、", names), "")
            : new(false, "未找到中文字体", "Debian/Ubuntu：sudo apt-get install -y fonts-noto-cjk；其他系统请安装任一简体中文字体。");
    }

    private static async Task<string?> RunAsync(string file, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            });
            if (process is null) return null;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return process.ExitCode == 0 ? output.Trim() : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or OperationCanceledException)
        {
            return null;
        }
    }
}
