using Microsoft.EntityFrameworkCore;
using WuShe.App.Campaigns;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.App.Jobs;
using WuShe.App.Progress;
using WuShe.Domain.Alerts;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Common;
using WuShe.Domain.Compliance;
using WuShe.Domain.Progress;
using WuShe.Domain.Sites;

namespace WuShe.App.Alerts;

public sealed record ScanOutcome(long RunId, int Opened, int Refreshed, int Resolved, int OpenNow, TimeSpan Duration, bool Skipped);

/// <summary>
/// The full alert scan: loads every input with set-based queries, runs the domain's rules, and upserts by
/// (rule, key, scope, period) — a finding seen again is refreshed, a new one opened, an open one no longer found
/// resolved. Every run is recorded in <see cref="JobRun"/>; a scheduled time runs at most once.
/// </summary>
public class AlertScan
{
    public const string JobName = "AlertScan";
    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private readonly IClock _clock;
    private readonly ILogger<AlertScan> _log;
    private readonly JobLedger _ledger;

    public AlertScan(IDbContextFactory<WuSheDbContext> contexts, IClock clock, ILogger<AlertScan> log, JobLedger ledger)
    {
        _ledger = ledger;
        _contexts = contexts;
        _clock = clock;
        _log = log;
    }

    public Task<ScanOutcome> RunAsync(string trigger, string startedBy, DateTimeOffset? scheduledFor = null, CancellationToken ct = default, int attempt = 1) =>
        RunAsync(new JobStart(JobName, trigger == "手动" ? null : scheduledFor, trigger, startedBy, attempt), ct);

    public async Task<ScanOutcome> RunAsync(JobStart start, CancellationToken ct = default)
    {
        var started = DateTimeOffset.UtcNow;
        (int Opened, int Refreshed, int Resolved, int Open) counts = default;
        var runId = await _ledger.RunAsync(start, async token =>
        {
            counts = await ScanAsync(token);
            var (opened, refreshed, resolved, open) = counts;
            return r => r.Succeed(DateTimeOffset.UtcNow, opened, refreshed, resolved, $"成功：新增 {opened}，更新 {refreshed}，解除 {resolved}，当前未解除 {open}");
        }, ct);
        return runId is { } id
            ? new(id, counts.Opened, counts.Refreshed, counts.Resolved, counts.Open, DateTimeOffset.UtcNow - started, Skipped: false)
            : new(0, 0, 0, 0, 0, TimeSpan.Zero, Skipped: true);
    }

    private async Task<(int Opened, int Refreshed, int Resolved, int Open)> ScanAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(_clock);
        var now = _clock.Now;
        (int Opened, int Refreshed, int Resolved, int Open) total = default;
        // Each campaign by its own rules; its alerts carry it, so one campaign's scan never resolves another's.
        foreach (var campaignId in await CampaignIdsAsync(ct))
        {
            await using var db = await _contexts.ForSystemAsync(ct);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var inputs = await InputsAsync(db, await CampaignQueries.LoadCampaignAsync(db, campaignId, ct), today, ct);
            var loaded = watch.ElapsedMilliseconds;
            var findings = AlertRules.Evaluate(inputs, today, new AlertSettings(inputs.Campaign.AlertLeadDays, inputs.Campaign.ReportDueDays));
            var evaluated = watch.ElapsedMilliseconds;
            var (opened, refreshed, resolved) = await UpsertAsync(db, campaignId, findings, now, ct);
            _log.LogInformation("预警扫描（{Campaign}）：读取 {Load} ms，规则 {Rules} ms，写入 {Write} ms；{Sites} 个创建点，{Findings} 条发现",
                inputs.Campaign.Code, loaded, evaluated - loaded, watch.ElapsedMilliseconds - evaluated, inputs.Sites.Count, findings.Count);
            total = (total.Opened + opened, total.Refreshed + refreshed, total.Resolved + resolved, total.Open + findings.Select(Key).Distinct().Count());
        }
        return total;
    }

    private async Task<List<int>> CampaignIdsAsync(CancellationToken ct)
    {
        await using var db = await _contexts.ForSystemAsync(ct);
        return await db.Campaigns.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
    }

    private static (AlertRule, string, string, string) Key(AlertFinding f) => (f.Rule, f.RuleKey, f.ScopeKey, f.Period);

    /// <summary>
    /// Set-based upsert: existing alerts are read as light rows; new ones inserted in one batch; only alerts whose
    /// content changed, that return after resolving, or that cleared are loaded and changed through the domain; the
    /// rest get their "last seen" refreshed by one set-based update (ExecuteUpdate) instead of one tracked entity each.
    /// </summary>
    private static async Task<(int Opened, int Refreshed, int Resolved)> UpsertAsync(WuSheDbContext db, int campaignId, IReadOnlyList<AlertFinding> findings,
        DateTimeOffset now, CancellationToken ct)
    {
        var existing = (await db.Alerts.AsNoTracking().Where(a => a.CampaignId == campaignId)
                .Select(a => new { a.Id, a.Rule, a.RuleKey, a.ScopeKey, a.Period, a.State, a.Severity, a.Title, a.Numbers, a.Clause, a.Link, a.DistrictId, a.SiteId })
                .ToListAsync(ct))
            .ToDictionary(a => (a.Rule, a.RuleKey, a.ScopeKey, a.Period));
        var latest = findings.GroupBy(Key).ToDictionary(g => g.Key, g => g.Last());
        var toRefresh = new Dictionary<int, AlertFinding>();
        var unchanged = 0;
        int opened = 0, reopened = 0;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var (key, f) in latest)
        {
            if (!existing.TryGetValue(key, out var a))
            {
                db.Alerts.Add(new Alert(campaignId, f, now));
                opened++;
            }
            else if (a.State == AlertState.Resolved || a.Severity != f.Severity || a.Title != f.Title || a.Numbers != f.Numbers
                     || a.Clause != f.Clause || a.Link != f.Link || a.DistrictId != f.DistrictId || a.SiteId != f.SiteId)
            {
                toRefresh[a.Id] = f;
                if (a.State == AlertState.Resolved) reopened++;
            }
            else unchanged++;
        }
        var cleared = existing.Values.Where(a => a.State != AlertState.Resolved && !latest.ContainsKey((a.Rule, a.RuleKey, a.ScopeKey, a.Period)))
            .Select(a => a.Id).ToList();
        foreach (var chunk in toRefresh.Keys.Chunk(5000).Select(c => c.ToList()))
            foreach (var alert in await db.Alerts.Where(a => chunk.Contains(a.Id)).ToListAsync(ct))
                alert.Refresh(toRefresh[alert.Id], now);
        foreach (var chunk in cleared.Chunk(5000).Select(c => c.ToList()))
            foreach (var alert in await db.Alerts.Where(a => chunk.Contains(a.Id)).ToListAsync(ct))
                alert.Resolve(now);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        // Every alert not resolved by now was seen in this scan (new, refreshed or unchanged): one UPDATE, no id list.
        await db.Alerts.Where(a => a.CampaignId == campaignId && a.State != AlertState.Resolved).ExecuteUpdateAsync(u => u.SetProperty(a => a.LastSeen, now), ct);
        return (opened + reopened, toRefresh.Count - reopened + unchanged, cleared.Count);
    }

    private static async Task<AlertInputs> InputsAsync(WuSheDbContext db, Campaign campaign, DateOnly today, CancellationToken ct)
    {
        var districts = await db.Districts.AsNoTracking().Where(d => d.CampaignId == campaign.Id).OrderBy(d => d.SortOrder).ToListAsync(ct);
        var ledgers = await QuotaLedgers.ForDistrictsAsync(db, districts, ct);
        var inCreation = SiteStates.InCreation.ToList();
        var creating = db.Sites.AsNoTracking().Where(s => s.CampaignId == campaign.Id).Where(s => inCreation.Contains(s.State));
        var sites = await creating.Select(s => new { s.Id, s.DistrictId, s.Street, s.Tier, s.JointSiteNumber }).ToListAsync(ct);
        var facts = await ComplianceFacts.LoadAsync(db, creating, today, ct, campaign.Id);
        var submitted = (await db.ProgressReports.AsNoTracking().Where(r => creating.Select(s => s.Id).Contains(r.SiteId) && r.State == ReportState.Submitted)
                .Select(r => new { r.SiteId, r.PeriodYear, r.PeriodMonth }).ToListAsync(ct))
            .ToLookup(r => r.SiteId, r => new DateOnly(r.PeriodYear, r.PeriodMonth, 1));
        // 开始创建 (the first reporting month), once per site: reports are owed from it, evaluations only if it precedes their due date.
        var creationStart = sites.ToDictionary(s => s.Id, s => campaign.CreationStartOf(s.Tier, facts[s.Id].ApprovedOn, today));

        var siteInputs = sites.Select(s =>
        {
            var (fund, lastFund) = SiteAlertInput.FundraisingFor(campaign, facts[s.Id], today);
            return new SiteAlertInput(s.Id, s.DistrictId, s.Street, s.Tier, s.JointSiteNumber, creationStart[s.Id], submitted[s.Id].ToHashSet(),
                ComplianceEngine.Evaluate(campaign, facts[s.Id], today), fund, lastFund);
        }).ToList();
        // Milestones count accepted sites too, and judge a passed milestone as of its due date (MilestoneProgress).
        var counted = MilestoneProgress.Counted.ToList();
        var completeOn = await ComplianceQueries.CompleteOnAsync(db, campaign,
            db.Sites.AsNoTracking().Where(s => s.CampaignId == campaign.Id && counted.Contains(s.State)),
            MilestoneProgress.DaysNeeded(campaign.Milestones, today), today, null, campaign.Id, ct);
        return new AlertInputs(campaign,
            districts.Select(d => new DistrictAlertInput(d.Id, d.Code, d.Name, d.StreetQuota,
                completeOn.ToDictionary(c => c.Key, c => c.Value.GetValueOrDefault(d.Id)), ledgers[d.Id])).ToList(),
            siteInputs, await EvaluationsDueAsync(db, campaign, creating, sites.Select(s => (s.Id, s.DistrictId, s.Street, creationStart[s.Id])).ToList(), ct));
    }

    /// <summary>Each site in creation owes a mid-term and a final evaluation by the campaign's dates.</summary>
    private static async Task<IReadOnlyList<EvaluationDue>> EvaluationsDueAsync(WuSheDbContext db, Campaign campaign, IQueryable<Site> creating,
        IReadOnlyList<(int Id, int DistrictId, string Street, DateOnly CreationStart)> sites, CancellationToken ct)
    {
        var dues = new[] { (Phase: Domain.Evaluations.EvaluationPhase.MidTerm, Due: campaign.MidTermEvaluationDue),
                           (Phase: Domain.Evaluations.EvaluationPhase.Final, Due: campaign.FinalEvaluationDue) }
            .Where(d => d.Due is not null).ToList();
        if (dues.Count == 0) return Array.Empty<EvaluationDue>();
        var joint = await creating.Where(s => s.Tier == SiteTier.CityDistrictJoint).Select(s => s.Id).ToListAsync(ct);
        // The due evaluations are the leading body's (the city team's for a joint site); a district's own report does not settle them.
        var complete = (await db.Evaluations.AsNoTracking().Include(e => e.Sheets).Where(e => creating.Select(s => s.Id).Contains(e.SiteId)).ToListAsync(ct))
            .Where(e => e.Complete && e.Leads(joint.Contains(e.SiteId) ? SiteTier.CityDistrictJoint : SiteTier.DistrictLevel))
            .Select(e => (e.SiteId, e.Phase)).ToHashSet();
        return sites.SelectMany(s => dues.Select(d => new EvaluationDue(s.Id, s.DistrictId, s.Street, Domain.Evaluations.EvaluationLabels.Label(d.Phase), d.Due!.Value,
            complete.Contains((s.Id, d.Phase)), s.CreationStart))).ToList();
    }
}
