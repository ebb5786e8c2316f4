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
        {
            var o = await q.GetOverviewAsync(http.User.Scope());
            return ("各区名额与台账", new XlsxSheet("各区名额", new[] { "区划代码", "区划", "试点街镇数", "试点社区数", "其中市区联合创建点", "市区联合创建点社区数", "市区联合创建点街镇",
                    "草稿（街镇/社区）", "已申报", "已立项", "剩余", "名额可行性" },
                o.Districts.Select(d => Row(d.Code, d.Name, d.StreetQuota, d.CommunityQuota, d.JointSites, d.JointCommunities, d.JointStreets,
                    Pair(d.Ledger.Drafted), Pair(d.Ledger.Submitted), Pair(d.Ledger.Approved), Pair(d.Ledger.Remaining), d.Ledger.Problem ?? "可行"))));
        })).RequireAuthorization(Policies.CityWide);

        export.MapGet("/joint-sites.xlsx", (HttpContext http, CampaignQueries q) => File(http, async () =>
        {
            var o = await q.GetOverviewAsync(http.User.Scope());
            return ("市区联合创建点", new XlsxSheet("市区联合创建点", new[] { "序号", "区划", "试点街镇", "试点社区", "档次", "每筹款年度下限（元）" },
                o.JointSites.Select(j => Row(j.Number, j.DistrictName, j.Street, string.Join("、", j.Communities), j.FloorBand, j.FloorFen is { } f ? f / 100m : null))));
        })).RequireAuthorization(Policies.CityWide);

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
            return ("操作日志", new XlsxSheet("操作日志", new[] { "时间", "操作人", "角色", "操作", "区", "对象", "理由", "修改内容" },
                page.Rows.Select(r => Row(ChinaTime.ToChina(r.At).ToString("yyyy-MM-dd HH:mm:ss"), r.UserName, r.Role, r.Action, r.District, r.Summary, r.Reason,
                    string.Join("；", AuditChanges.Parse(r.Changes).Select(c => $"{c.Field}：{c.Before} → {c.After}"))))));
        })).RequireAuthorization(Policies.CityWide);

        export.MapGet("/dashboard.xlsx", (HttpContext http, ComplianceQueries q, string? district, DateOnly? asOf) => File(http, async () =>
        {
            var d = await q.DashboardAsync(http.User.Scope(), district, asOf);
            return ($"创建进度（截至{d.AsOf:yyyy-MM-dd}）",
                new XlsxSheet("各区", new[] { "区划", "已立项的街镇（含已结项）", "完成创建", "名额", "完成比例", "平均达标率", "本筹款年度筹款（元）" },
                    d.Districts.Select(x => Row(x.Name, x.Sites, x.CompleteSites, x.StreetQuota, Math.Round(x.CompleteShare * 100, 1), Math.Round(x.AverageCompletion * 100, 1), x.RaisedFen / 100m))),
                new XlsxSheet("创建点", new[] { "区划", "街镇", "类别", "市区联合创建点序号", "状态", "达标标准数", "标准总数", "达标的标准", "创建完成", "本筹款年度", "本筹款年度筹款（元）", "每筹款年度下限（元）" },
                    d.Sites.Select(s => Row(s.DistrictName, s.Street, s.Tier, s.JointSiteNumber, s.State, s.MetCount, s.StandardCount, string.Join("、", s.MetStandards),
                        s.Complete ? "是" : "否", s.FundraisingYear, s.RaisedFen / 100m, s.FloorFen is { } f ? f / 100m : null))));
        }, district));

        export.MapGet("/sites/{siteId:int}/reports.xlsx", (int siteId, HttpContext http, ProgressQueries q) => File(http, async () =>
        {
            var rows = await q.ListAsync(http.User.Scope(), siteId);
            return ("进展报告", new XlsxSheet("进展报告", new[] { "期间", "状态", "提交时间", "本期筹款（元）", "本期服务活动" },
                rows.Select(r => Row(r.PeriodLabel, r.State, r.SubmittedAt is { } at ? ChinaTime.ToChina(at).ToString("yyyy-MM-dd HH:mm") : "", r.DonationsFen / 100m, r.Activities))));
        }));

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

    private static IReadOnlyList<object?> Row(params object?[] values) => values;

    /// <summary>A list of sites as filtered on its page, titled with the filter (创建点（创建中）).</summary>
    private static Task<IResult> FilteredSites<T>(HttpContext http, SiteListFilter filter, string title, IReadOnlyList<GridColumn<T>> columns,
        Func<Task<IReadOnlyList<T>>> read) where T : IListedSite => File(http, async () =>
    {
        var rows = filter.Apply(await read()).ToList();
        var described = filter.Describe();
        return (described == "" ? title : $"{title}（{described}）", columns.Sheet(title, rows));
    }, http.User.Scope().SeesWholeCity ? filter.District : null);
    private static string Pair(Domain.Sites.QuotaCount c) => $"{c.Streets}/{c.Communities}";

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
