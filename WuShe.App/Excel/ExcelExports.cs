using WuShe.App.Accounts;
using WuShe.App.Admin;
using WuShe.App.Campaigns;
using WuShe.App.Hosting;
using WuShe.App.Progress;
using WuShe.App.Sites;
using WuShe.Domain.Common;

namespace WuShe.App.Excel;

/// <summary>Every grid of the interface as .xlsx, from the same scoped queries as the page; the pages link here.</summary>
public static class ExcelExports
{
    public static void MapExcelExports(this IEndpointRouteBuilder app)
    {
        var export = app.MapGroup("/export").RequireAuthorization();

        export.MapGet("/districts.xlsx", (HttpContext http, CampaignQueries q) => File(http, async () =>
            ("各区名额与台账", DistrictQuotaGrid.Columns.Sheet("各区名额", (await q.GetOverviewAsync(http.User.Scope())).Districts))))
            .RequireAuthorization(Policies.CityWide);

        export.MapGet("/joint-sites.xlsx", (HttpContext http, CampaignQueries q) => File(http, async () =>
            ("市区联合创建点", JointSiteGrid.Columns.Sheet("市区联合创建点", (await q.GetOverviewAsync(http.User.Scope())).JointSites))))
            .RequireAuthorization(Policies.CityWide);

        export.MapGet("/sites.xlsx", (HttpContext http, SiteQueries sites, string? district, string? state, string? tier, string? q) =>
            FilteredSites(http, new SiteListFilter(district, state, tier, q), "创建点", SiteListColumns.All, () => sites.ListAsync(http.User.Scope())));

        export.MapGet("/applications.xlsx", (HttpContext http, SiteQueries sites, string? district, string? state, string? tier, string? q) =>
            FilteredSites(http, new SiteListFilter(district, state, tier, q), "创建点申报", ApplicationListColumns.All, () => sites.ListApplicationsAsync(http.User.Scope())));

        export.MapGet("/alerts.xlsx", (HttpContext http, Alerts.AlertQueries q, int? district, Domain.Alerts.AlertRule? rule,
            Domain.Alerts.AlertSeverity? severity, Domain.Alerts.AlertState? state) => File(http, async () =>
        {
            var rows = await q.ListAsync(http.User.Scope(), new Alerts.AlertFilter(district, null, rule, severity, state), Alerts.AlertColumns.MaxExported);
            return ("预警", Alerts.AlertColumns.All.Sheet("预警", rows));
        }));

        export.MapGet("/audit.xlsx", (HttpContext http, AuditQueries q, int? district, string? action, string? user, DateOnly? from, DateOnly? to) => File(http, async () =>
        {
            var page = await q.SearchAsync(http.User.Scope(), new AuditFilter(district, action, user, from, to), 0, 100_000);
            return ("操作日志", AuditPage.Columns.Sheet("操作日志", page.Rows));
        })).RequireAuthorization(Policies.CityWide);

        // The board's grids as sheets, with its district and city targets when the campaign sets any.
        export.MapGet("/dashboard.xlsx", (HttpContext http, ComplianceQueries q, string? district, DateOnly? asOf) => Workbook(http, async () =>
        {
            var d = await q.DashboardAsync(http.User.Scope(), district, asOf);
            XlsxSheet[] sheets = [DashboardView.RankingColumns.Sheet("各区", RankedDistrict.Of(d.Districts)),
                DashboardView.SiteColumns(district is null).Sheet("创建点", d.Sites)];
            return ($"创建进度（截至{d.AsOf:yyyy-MM-dd}）", d.Targets.Count == 0 ? sheets : [.. sheets, DashboardView.TargetColumns.Sheet("区、全市目标", d.Targets)]);
        }, district));

        export.MapGet("/sites/{siteId:int}/reports.xlsx", (int siteId, HttpContext http, ProgressQueries q) => File(http, async () =>
            ("进展报告", ProgressPage.Columns.Sheet("进展报告", await q.ListAsync(http.User.Scope(), siteId)))));

        export.MapGet("/progress-template.xlsx", (HttpContext http, ProgressWorkbook w, int? site, string? district, int year, int month) =>
            ApiResults.File(async () =>
            {
                var (bytes, name) = await w.TemplateAsync(http.User.Scope(), site, district, year, month);
                return Results.File(bytes, Xlsx.ContentType, name);
            }));

        app.MapPost("/api/progress/import", async (IFormFile file, bool? preview, HttpContext http, ProgressWorkbook w, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            var result = await w.ImportAsync(http.User.Actor(), http.User.Scope(), stream, ct, preview ?? false);
            // Refused files answer 400 with every error (sheet, row, column, message); nothing was saved. A preview saves nothing either.
            return result.Passes ? Results.Ok(result)
                : Results.Json(new { error = $"发现 {result.Errors.Count} 处错误，未保存任何数据：{result.Errors[0].Message}", result.Errors }, statusCode: StatusCodes.Status400BadRequest);
        }).RequireAuthorization().DisableAntiforgery();
    }

    /// <summary>A list of sites as filtered on its page, titled with the filter (创建点（创建中）).</summary>
    private static Task<IResult> FilteredSites<T>(HttpContext http, SiteListFilter filter, string title, IReadOnlyList<GridColumn<T>> columns,
        Func<Task<IReadOnlyList<T>>> read) where T : IListedSite => File(http, async () =>
    {
        var rows = filter.Apply(await read()).ToList();
        var described = filter.Describe();
        return (described == "" ? title : $"{title}（{described}）", columns.Sheet(title, rows));
    }, http.User.Scope().SeesWholeCity ? filter.District : null);

    private static Task<IResult> File(HttpContext http, Func<Task<(string Title, XlsxSheet Sheet)>> build, string? districtCode = null) =>
        Workbook(http, async () => { var (title, sheet) = await build(); return (title, [sheet]); }, districtCode);

    private static Task<IResult> File(HttpContext http, Func<Task<(string Title, XlsxSheet First, XlsxSheet Second)>> build, string? districtCode = null) =>
        Workbook(http, async () => { var (title, a, b) = await build(); return (title, [a, b]); }, districtCode);

    /// <summary>The workbook, named by scope, title and date (<see cref="ExportFileNames"/>).</summary>
    private static Task<IResult> Workbook(HttpContext http, Func<Task<(string Title, XlsxSheet[] Sheets)>> build, string? districtCode) =>
        ApiResults.File(async () =>
        {
            var (title, sheets) = await build();
            return Results.File(Xlsx.Write(sheets), Xlsx.ContentType, await NameAsync(http, title, districtCode));
        });

    private static Task<string> NameAsync(HttpContext http, string title, string? districtCode) =>
        http.RequestServices.GetRequiredService<ExportFileNames>().ForAsync(http.User.Scope(), title, districtCode, http.RequestAborted);
}
