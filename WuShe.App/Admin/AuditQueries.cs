using Microsoft.EntityFrameworkCore;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.Domain.Accounts;
using WuShe.Domain.Common;

namespace WuShe.App.Admin;

public sealed record AuditFilter(int? DistrictId = null, string? Action = null, string? User = null,
    DateOnly? From = null, DateOnly? To = null, string? EntityType = null, int? EntityId = null);

public sealed record AuditRow(long Id, DateTimeOffset At, string UserName, string Role, string Action, string EntityType,
    int EntityId, string? District, string Summary, string Reason, string Changes);

public sealed record AuditResults(IReadOnlyList<AuditRow> Rows, int Total);

/// <summary>The audit log for the city, filtered in SQL and paged.</summary>
public class AuditQueries
{
    private readonly IDbContextFactory<WuSheDbContext> _contexts;

    public AuditQueries(IDbContextFactory<WuSheDbContext> contexts) => _contexts = contexts;

    public async Task<AuditResults> SearchAsync(UserScope scope, AuditFilter f, int skip, int take, CancellationToken ct = default)
    {
        if (!scope.SeesWholeCity) throw new AccessDeniedException("只有市民政局可以查看操作日志。");
        await using var db = await _contexts.ForAsync(scope, ct);
        var q = db.AuditEntries.AsNoTracking().AsQueryable();
        if (f.DistrictId is { } d) q = q.Where(a => a.DistrictId == d);
        if (!string.IsNullOrWhiteSpace(f.Action)) q = q.Where(a => a.Action == f.Action);
        if (!string.IsNullOrWhiteSpace(f.User)) q = q.Where(a => a.UserName.Contains(f.User.Trim()));
        if (!string.IsNullOrWhiteSpace(f.EntityType)) q = q.Where(a => a.EntityType == f.EntityType);
        if (f.EntityId is { } id) q = q.Where(a => a.EntityId == id);
        DateBounds.Checked(f.From, "from", "起始日期");
        DateBounds.Checked(f.To, "to", "截止日期");
        if (f.From is { } from) { var start = StartOf(from); q = q.Where(a => a.At >= start); }
        if (f.To is { } to) { var end = StartOf(to.AddDays(1)); q = q.Where(a => a.At < end); }
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip(skip).Take(take)
            .GroupJoin(db.Districts, a => a.DistrictId, d => d.Id, (a, ds) => new { a, ds })
            .SelectMany(x => x.ds.DefaultIfEmpty(), (x, d) => new { x.a, District = d == null ? null : d.Name })
            .ToListAsync(ct);
        return new AuditResults(rows.Select(r => new AuditRow(r.a.Id, r.a.At, r.a.UserName, r.a.Role.Label(), r.a.Action, r.a.EntityType,
            r.a.EntityId, r.District, r.a.Summary, r.a.Reason, r.a.Changes)).ToList(), total);
    }

    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken ct = default)
    {
        await using var db = await _contexts.ForSystemAsync(ct);
        return await db.AuditEntries.Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
    }

    private static DateTimeOffset StartOf(DateOnly day) =>
        new(day.ToDateTime(TimeOnly.MinValue), ChinaTime.Zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue)));
}
