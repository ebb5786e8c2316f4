using WuShe.Domain.Campaigns;
using Microsoft.EntityFrameworkCore;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.Domain.Accounts;
using WuShe.Domain.Common;
using WuShe.Domain.Progress;

namespace WuShe.App.Progress;

public sealed record ReportView(int Id, int SiteId, string Street, int DistrictId, string PeriodLabel, int PeriodYear, int PeriodMonth,
    ReportState State, string StateLabel, string ReturnReason, int Version, DateTimeOffset? SubmittedAt, string SubmittedBy,
    IReadOnlyList<(int Id, string Name)> Communities, ReportContent Content, IReadOnlyList<EvidenceView> Evidence, string ReturnedBy = "",
    IReadOnlyDictionary<StandardMetric, string>? Clauses = null)
{
    /// <summary>The campaign's clause for a metric, for the form's headings ("三（六）").</summary>
    public string ClauseOf(StandardMetric metric) => Clauses?.GetValueOrDefault(metric) ?? "";
}

public sealed record ReportRow(int Id, int SiteId, string PeriodLabel, int PeriodYear, int PeriodMonth, string State, DateTimeOffset? SubmittedAt,
    long DonationsFen, int Activities);

public class ProgressQueries
{
    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private readonly EvidenceStore _evidence;
    private readonly IClock _clock;

    public ProgressQueries(IDbContextFactory<WuSheDbContext> contexts, EvidenceStore evidence, IClock clock)
    {
        _contexts = contexts;
        _evidence = evidence;
        _clock = clock;
    }

    public async Task<IReadOnlyList<ReportRow>> ListAsync(UserScope scope, int siteId, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        if (!await db.Sites.AnyAsync(s => s.Id == siteId, ct)) throw ScopedReads.NotInScope("创建点", siteId);
        var rows = await db.ProgressReports.AsNoTracking().Where(r => r.SiteId == siteId)
            .OrderByDescending(r => r.PeriodYear).ThenByDescending(r => r.PeriodMonth)
            .Select(r => new { r.Id, r.PeriodYear, r.PeriodMonth, r.PeriodMonths, r.State, r.SubmittedAt,
                Donations = r.Donations.Sum(d => d.AmountFen), Activities = r.Activities.Count })
            .ToListAsync(ct);
        return rows.Select(r => new ReportRow(r.Id, siteId, ProgressReport.LabelOf(r.PeriodYear, r.PeriodMonth, r.PeriodMonths),
            r.PeriodYear, r.PeriodMonth, r.State.Label(), r.SubmittedAt, r.Donations, r.Activities)).ToList();
    }

    public async Task<ReportView> ReportAsync(UserScope scope, int reportId, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        var report = await db.ProgressReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId, ct)
            ?? throw ScopedReads.NotInScope("进展报告", reportId);
        var site = await db.Sites.AsNoTracking().Include(s => s.Communities).SingleAsync(s => s.Id == report.SiteId, ct);
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Standards).ThenInclude(s => s.Requirements)
            .SingleAsync(c => c.Id == site.CampaignId, ct);
        return new ReportView(report.Id, site.Id, site.Street, report.DistrictId, report.PeriodLabel, report.PeriodYear, report.PeriodMonth,
            report.State, report.State.Label(), report.ReturnReason, report.Version, report.SubmittedAt, report.SubmittedBy,
            site.Communities.OrderBy(c => c.SortOrder).Select(c => (c.Id, c.Name)).ToList(), report.Content,
            await _evidence.ListAsync(scope, reportId, ct), report.ReturnedBy == "" ? "区民政局" : report.ReturnedBy,
            Enum.GetValues<StandardMetric>().ToDictionary(m => m, campaign.ClauseOf));
    }

    /// <summary>The period that contains today (in Asia/Shanghai), by the campaign's reporting period.</summary>
    public async Task<(int Year, int Month)> CurrentPeriodAsync(int siteId, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForSystemAsync(ct);
        var months = await db.Sites.Where(s => s.Id == siteId).Join(db.Campaigns, s => s.CampaignId, c => c.Id, (s, c) => c.ReportingPeriodMonths).SingleAsync(ct);
        var start = ReportingPeriods.StartContaining(ChinaTime.Today(_clock), months);
        return (start.Year, start.Month);
    }
}
