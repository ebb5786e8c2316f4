using Microsoft.EntityFrameworkCore;
using WuShe.App.Data;
using WuShe.App.Jobs;
using WuShe.App.Pdf;

namespace WuShe.App.Admin;

public sealed record StatusItem(string Name, bool Ok, string Detail, string Remedy = "");

/// <summary>What an administrator checks first: database, scheduler, Chromium and CJK fonts.</summary>
public class SystemStatus
{
    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private readonly ScheduledJobs _jobs;
    private readonly ChromiumProbe _chromium;

    public SystemStatus(IDbContextFactory<WuSheDbContext> contexts, ScheduledJobs jobs, ChromiumProbe chromium)
    {
        _contexts = contexts;
        _jobs = jobs;
        _chromium = chromium;
    }

    public async Task<IReadOnlyList<StatusItem>> CheckAsync(CancellationToken ct = default)
    {
        var items = new List<StatusItem> { await DatabaseAsync(ct), await SchedulerAsync(ct) };
        var chromium = await _chromium.ChromiumAsync();
        items.Add(new("Chromium（生成 PDF）", chromium.Found, chromium.Detail, chromium.Remedy));
        var fonts = await _chromium.CjkFontsAsync();
        items.Add(new("中文字体（PDF 中文显示）", fonts.Found, fonts.Detail, fonts.Remedy));
        return items;
    }

    private async Task<StatusItem> DatabaseAsync(CancellationToken ct)
    {
        try
        {
            await using var db = await _contexts.ForSystemAsync(ct);
            var connection = db.Database.GetDbConnection();
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
            var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).Count();
            var journal = await Scalar(db, "PRAGMA journal_mode;", ct);
            var version = await Scalar(db, "select sqlite_version();", ct);
            // In WAL mode recent writes live in the -wal file until a checkpoint: the data's size is both.
            double Size(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
            var file = Size(connection.DataSource);
            var wal = Size(connection.DataSource + "-wal");
            var counts = $"活动 {await db.Campaigns.CountAsync(ct)}，区 {await db.Districts.CountAsync(ct)}，创建点 {await db.Sites.CountAsync(ct)}，" +
                         $"社区 {await db.Communities.CountAsync(ct)}，账号 {await db.UserAccounts.CountAsync(ct)}";
            return new("数据库（SQLite）", pending == 0 && journal == "wal",
                $"{connection.DataSource}（{Bytes(file + wal)}，其中未合并的日志 {Bytes(wal)}，SQLite {version}，日志模式 {journal}，已应用迁移 {applied} 个，待应用 {pending} 个）；{counts}",
                pending == 0 ? "" : "重新启动系统以应用迁移。");
        }
        catch (Exception e)
        {
            return new("数据库（SQLite）", false, $"无法连接：{e.Message}", "检查配置项 WuShe:DatabasePath 指向的文件夹是否可写。");
        }
    }

    private async Task<StatusItem> SchedulerAsync(CancellationToken ct)
    {
        var s = await _jobs.SchedulerAsync(ct);
        var meta = await s.GetMetadata(ct);
        if (meta.Status != Quartz.SchedulerStatus.Running)
            return new("定时任务调度器（Quartz）", false, "未运行", "查看启动日志中的 Quartz 错误。");
        var jobs = 0;
        foreach (var name in ScheduledJobs.Known.Keys)
            if (await s.GetJobDetail(new Quartz.JobKey(name), ct) is not null) jobs++;
        return new("定时任务调度器（Quartz）", true,
            $"{meta.SchedulerName} 运行中，Quartz {meta.Version}，线程 {meta.ThreadPoolSize}，已登记任务 {jobs} 个，启动于 {meta.RunningSince?.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm:ss}");
    }

    private static string Bytes(double bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1024 / 1024:0.0} MB" : $"{bytes / 1024:0} KB";

    private static async Task<string> Scalar(WuSheDbContext db, string sql, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(ct)) ?? "";
    }
}
