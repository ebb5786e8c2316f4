using Microsoft.EntityFrameworkCore;
using WuShe.App.Data;
using WuShe.App.Evaluations;
using WuShe.App.Pdf;
using WuShe.App.Progress;
using WuShe.App.Sites;
using WuShe.Domain.Accounts;
using WuShe.Domain.Common;
using WuShe.Domain.Evaluations;
using WuShe.Domain.Sites;

namespace WuShe.App.Reports;

public sealed record AcceptanceReportModel(SiteDetail Site, SiteComplianceView Compliance, IReadOnlyList<EvaluationView> Evaluations,
    DecisionView? Decision, string DocumentNumber, DateTimeOffset GeneratedAt);

public sealed record SiteResult(decimal? Score, string? Grade, string Phase, string Conclusion);

public sealed record SummaryReportModel(string Title, bool City, Dashboard Board, IReadOnlyDictionary<int, SiteResult> Results, DateTimeOffset GeneratedAt);

/// <summary>Builds the report models (always within the user's scope) and prints them through <see cref="PdfRenderer"/>.</summary>
public class ReportService
{
    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private readonly SiteQueries _sites;
    private readonly ComplianceQueries _compliance;
    private readonly EvaluationQueries _evaluations;
    private readonly PdfRenderer _pdf;
    private readonly IClock _clock;

    public ReportService(IDbContextFactory<WuSheDbContext> contexts, SiteQueries sites, ComplianceQueries compliance, EvaluationQueries evaluations,
        PdfRenderer pdf, IClock clock)
    {
        _contexts = contexts;
        _sites = sites;
        _compliance = compliance;
        _evaluations = evaluations;
        _pdf = pdf;
        _clock = clock;
    }

    public async Task<AcceptanceReportModel> AcceptanceModelAsync(UserScope scope, int siteId, CancellationToken ct = default)
    {
        var site = await _sites.GetAsync(scope, siteId, ct);
        var evaluations = await _evaluations.ForSiteAsync(scope, siteId, ct);
        var decision = evaluations.Decisions.LastOrDefault();
        var asOf = decision?.DecidedOn ?? ChinaTime.Today(_clock);
        var compliance = await _compliance.SiteAsync(scope, siteId, asOf, ct);
        var number = decision?.DocumentNumber ?? $"WS-{asOf.Year}-{site.DistrictCode}-{site.Id:0000}（预览）";
        return new(site, compliance, evaluations.Evaluations, decision, number, _clock.Now);
    }

    public async Task<(byte[] Pdf, string FileName)> AcceptancePdfAsync(UserScope scope, int siteId, CancellationToken ct = default)
    {
        var model = await AcceptanceModelAsync(scope, siteId, ct);
        var pdf = await _pdf.PdfAsync<AcceptanceReport>(new Dictionary<string, object?> { [nameof(AcceptanceReport.Model)] = model },
            $"{model.Site.Street}结项报告 {model.DocumentNumber}", ct);
        return (pdf, $"结项报告-{model.Site.DistrictName}-{model.Site.Street}.pdf");
    }

    public async Task<(byte[] Pdf, string FileName)> SummaryPdfAsync(UserScope scope, string? districtCode, CancellationToken ct = default)
    {
        var board = await _compliance.DashboardAsync(scope, districtCode, null, ct);
        var ids = board.Sites.Select(s => s.SiteId).ToList();
        await using var db = await _contexts.ForAsync(scope, ct);
        var evaluations = await db.Evaluations.AsNoTracking().Include(e => e.Sheets).Where(e => ids.Contains(e.SiteId)).ToListAsync(ct);
        var decisions = await db.AcceptanceDecisions.AsNoTracking().Where(d => ids.Contains(d.SiteId)).ToListAsync(ct);
        var results = ids.ToDictionary(id => id, id =>
        {
            var tier = board.Sites.First(s => s.SiteId == id).JointSiteNumber is null ? SiteTier.DistrictLevel : SiteTier.CityDistrictJoint;
            var latest = evaluations.Where(e => e.SiteId == id && e.Complete && e.Leads(tier)).OrderBy(e => e.Phase).ThenBy(e => e.Round).LastOrDefault();
            var decision = decisions.Where(d => d.SiteId == id).OrderBy(d => d.Id).LastOrDefault();
            return new SiteResult(latest?.MeanScore, latest?.MeanScore is { } s ? latest.Rubric.Grade(s) : null,
                latest is null ? "未评估" : $"{latest.Phase.Label()}{(latest.Round > 1 ? $"（第{latest.Round}轮）" : "")}", decision?.Conclusion ?? "未决定");
        });
        var title = districtCode is null ? $"{board.Campaign.Region}创建情况汇总" : $"{board.Districts.Single().Name}创建情况汇总";
        var model = new SummaryReportModel(title, districtCode is null, board, results, _clock.Now);
        var pdf = await _pdf.PdfAsync<SummaryReport>(new Dictionary<string, object?> { [nameof(SummaryReport.Model)] = model }, $"{title}（截至 {board.AsOf:yyyy-MM-dd}）", ct);
        return (pdf, $"{title}-{board.AsOf:yyyyMMdd}.pdf");
    }
}
