using Microsoft.Extensions.Options;
using WuShe.App.Hosting;

namespace WuShe.App.Admin;

/// <summary>
/// Operators' data commands, on the app's own configuration (run from the app's folder, or set <c>WuShe__DatabasePath</c>):
/// <c>backup [--out &lt;file&gt;]</c>, <c>restore &lt;file&gt;</c>, <c>export --out &lt;file&gt;</c>.
/// Exit 0 on success, 1 when refused (the reason in Chinese on standard error), 2 on a malformed call.
/// </summary>
public static class DataCommand
{
    public const string Usage = """
        用法：
          WuShe.App backup [--out <备份文件.zip>]     在线备份数据库、证明材料和密钥（应用运行时也可执行）
          WuShe.App restore <备份文件.zip>            从备份恢复（须先停止应用；原数据移到 before-restore-… 文件夹）
          WuShe.App export --out <导出文件.zip>       导出全部数据（每张表一个工作表，附证明材料和清单）
        """;

    public static bool Handles(string verb) => verb is "backup" or "restore" or "export";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var verb = args[0];
        var rest = args.Skip(1).ToList();
        string? Option(string name)
        {
            var i = rest.IndexOf(name);
            if (i < 0 || i + 1 >= rest.Count) return null;
            var value = rest[i + 1];
            rest.RemoveRange(i, 2);
            return value;
        }
        var outFile = Option("--out");
        var file = verb == "restore" && rest.Count > 0 && !rest[0].StartsWith("--") ? rest[0] : null;
        if (file is not null) rest.RemoveAt(0);
        if ((verb == "restore" && file is null) || (verb == "export" && outFile is null))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        await using var app = WuSheHost.Build(rest.Append("--Logging:LogLevel:Default=Warning").ToArray());
        try
        {
            switch (verb)
            {
                case "backup":
                    var backup = await app.Services.GetRequiredService<Backups>().CreateAsync("命令", outFile);
                    await output.WriteLineAsync($"已备份到 {backup.Path}（{backup.Bytes:N0} 字节）：数据库完整性检查通过，{backup.Manifest!.Rows.Count} 张表，" +
                        $"证明材料 {backup.Manifest.EvidenceFiles} 个，密钥 {backup.Manifest.KeyFiles} 个。");
                    break;
                case "restore":
                    var (manifest, aside) = await app.Services.GetRequiredService<Backups>().RestoreAsync(Path.GetFullPath(file!));
                    await output.WriteLineAsync($"已从 {file} 恢复（备份时间 {manifest.CreatedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm}，" +
                        $"{manifest.Rows.Values.Sum():N0} 行，证明材料 {manifest.EvidenceFiles} 个）。原数据已移到 {aside}。");
                    break;
                default:
                    var export = await app.Services.GetRequiredService<FullExport>().WriteAsync(Path.GetFullPath(outFile!));
                    await output.WriteLineAsync($"已导出到 {outFile}：{export.Tables} 张表 {export.Rows:N0} 行，证明材料 {export.EvidenceFiles} 个。");
                    break;
            }
            return 0;
        }
        catch (BackupRefusedException e)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
