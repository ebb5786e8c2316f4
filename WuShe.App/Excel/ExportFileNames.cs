using Microsoft.EntityFrameworkCore;
using WuShe.App.Data;
using WuShe.Domain.Accounts;
using WuShe.Domain.Common;

namespace WuShe.App.Excel;

/// <summary>
/// An export's file name says whose data it is and as of when: "和平区-创建点-2024-05-20.xlsx", "全市-操作日志-…",
/// "南市街道-进展报告-…" — the scope of the user (or the district asked for), what it holds, and today in China.
/// </summary>
public class ExportFileNames
{
    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private readonly IClock _clock;

    public ExportFileNames(IDbContextFactory<WuSheDbContext> contexts, IClock clock)
    {
        _contexts = contexts;
        _clock = clock;
    }

    /// <param name="districtCode">The district the export was narrowed to, when it was.</param>
    public async Task<string> ForAsync(UserScope scope, string what, string? districtCode = null, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForSystemAsync(ct);
        var who = scope.SiteId is { } site ? await db.Sites.Where(s => s.Id == site).Select(s => s.Street).SingleOrDefaultAsync(ct)
            : districtCode is not null ? await db.Districts.Where(d => d.Code == districtCode).Select(d => d.Name).FirstOrDefaultAsync(ct)
            : scope.DistrictId is { } district ? await db.Districts.Where(d => d.Id == district).Select(d => d.Name).SingleOrDefaultAsync(ct)
            : scope.SeesWholeCity ? "全市" : null;
        return $"{who ?? "本人范围"}-{what}-{ChinaTime.Today(_clock):yyyy-MM-dd}.xlsx";
    }
}
