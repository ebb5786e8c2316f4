using WuShe.App.Accounts;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.Domain.Auditing;
using WuShe.Domain.Common;

namespace WuShe.App.Admin;

/// <summary>Downloads of backups and of the full export: the city administrator only, each recorded in the audit log.</summary>
public static class DataEndpoints
{
    public const string EntityType = "数据";

    public static void MapDataEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/backups/{name}", (string name, HttpContext http, Backups backups, DataAudit audit) => ApiResults.File(async () =>
        {
            // Only a file the list shows, by its exact name: nothing else in or outside the folder can be asked for.
            var file = backups.List().SingleOrDefault(b => b.Name == name && b.Manifest is not null)
                ?? throw new NotFoundException("没有找到这个备份文件。");
            await audit.RecordAsync(http.User.Actor(), "下载备份", file.Name);
            return Results.File(file.Path, "application/zip", file.Name);
        })).RequireAuthorization(Policies.CityAdministrator);

        app.MapGet("/export/all.zip", (HttpContext http, FullExport export, DataAudit audit, IClock clock, CancellationToken ct) => ApiResults.File(async () =>
        {
            var temp = Path.Combine(Path.GetTempPath(), $"wushe-export-{Guid.NewGuid():N}.zip");
            var outcome = await export.WriteAsync(temp, ct);
            await audit.RecordAsync(http.User.Actor(), "导出全部数据", $"{outcome.Tables} 张表 {outcome.Rows:N0} 行，证明材料 {outcome.EvidenceFiles} 个");
            var stream = new FileStream(temp, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.DeleteOnClose);
            return Results.File(stream, "application/zip", $"五社联动-全部数据-{ChinaTime.ToChina(clock.Now):yyyyMMdd-HHmm}.zip");
        })).RequireAuthorization(Policies.CityAdministrator);
    }
}

/// <summary>Who took data out of the system, and what (等保: data export is a security event).</summary>
public sealed class DataAudit(Microsoft.EntityFrameworkCore.IDbContextFactory<WuSheDbContext> contexts, IClock clock)
{
    public async Task RecordAsync(Domain.Accounts.Actor actor, string action, string summary)
    {
        await using var db = await contexts.ForSystemAsync(CancellationToken.None);
        db.AuditEntries.Add(new AuditEntry(actor, clock.Now, action, DataEndpoints.EntityType, 0, null, summary, null, "[]"));
        await db.SaveChangesAsync();
    }
}
