using System.Diagnostics;

namespace WuShe.Tests.Support;

/// <summary>poppler-utils: read a PDF back as text, or render its pages as PNG.</summary>
public static class PdfTools
{
    public static string Text(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        File.WriteAllBytes(file, pdf);
        try { return Run("pdftotext", $"-layout \"{file}\" -"); }
        finally { File.Delete(file); }
    }

    /// <summary>Renders every page to PNG and returns how many were written.</summary>
    public static int RenderPages(byte[] pdf, string folder)
    {
        var file = Path.Combine(folder, "report.pdf");
        File.WriteAllBytes(file, pdf);
        Run("pdftoppm", $"-r 50 -png \"{file}\" \"{Path.Combine(folder, "page")}\"");
        return Directory.GetFiles(folder, "page*.png").Count(f => new FileInfo(f).Length > 1000);
    }

    private static string Run(string tool, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} 失败：{process.StandardError.ReadToEnd()}");
        return output;
    }
}
