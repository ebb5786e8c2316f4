using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.App.Sites;
using WuShe.Domain.Accounts;
using WuShe.Domain.Auditing;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Common;

namespace WuShe.App.Campaigns;

/// <summary>One requirement as the settings page lists it: the notice's number (fixed) or the system's (editable).</summary>
public sealed record ThresholdRow(int RequirementId, int Standard, string Clause, string Description, string Rule, decimal Threshold,
    string Unit, bool IsSystemSetting, string Source);

/// <summary>The campaign's 系统设定 as they stand, at a version.</summary>
public sealed record SystemSettingsView(int Version, SystemSettings Settings, IReadOnlyList<ThresholdRow> Requirements, string FundraisingYearRule);

/// <summary>
/// 系统设定: the city reads and changes what the notice leaves open (evaluation dates, lead times, fundraising year,
/// unstated thresholds). Every change is checked for role, version and validity by the domain, audited, and saved whole.
/// </summary>
public class CampaignSettings
{
    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private readonly CampaignQueries _campaigns;
    private readonly IClock _clock;

    public CampaignSettings(IDbContextFactory<WuSheDbContext> contexts, CampaignQueries campaigns, IClock clock)
    {
        _contexts = contexts;
        _campaigns = campaigns;
        _clock = clock;
    }

    public async Task<SystemSettingsView> GetAsync(UserScope scope, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        var campaign = await _campaigns.LoadCampaignAsync(db, ct);
        var rows = campaign.Standards.SelectMany(s => s.Requirements.Select(r => new ThresholdRow(r.Id, s.Number, s.Clause, r.Description,
                RuleText.Of(r), r.Threshold, UnitOf(r), r.ThresholdIsSystemSetting, r.ThresholdSource)))
            .ToList();
        return new SystemSettingsView(campaign.Version, campaign.SystemSettings, rows, campaign.FundraisingYearRule);
    }

    public async Task<int> ChangeAsync(Actor actor, UserScope scope, int expectedVersion, SystemSettings settings, CancellationToken ct = default)
    {
        if (actor.Role != UserRole.CityAdministrator) throw new AccessDeniedException("只有市民政局可以修改系统设定。");
        await using var db = await _contexts.ForAsync(scope, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var code = (await _campaigns.LoadCampaignAsync(db, ct)).Code;
        var campaign = await db.Campaigns.Include(c => c.Standards).ThenInclude(s => s.Requirements).AsSplitQuery()
            .SingleAsync(c => c.Code == code, ct);
        if (campaign.Version != expectedVersion) throw new ConcurrencyConflictException(campaign.Version, "其他用户", null);
        var before = Describe(campaign);
        campaign.ChangeSystemSettings(actor, settings);
        var after = Describe(campaign);
        var changes = after.Where(a => before[a.Key] != a.Value).Select(a => new FieldChange(a.Key, before[a.Key], a.Value)).ToList();
        if (changes.Count == 0) return expectedVersion;
        db.AuditEntries.Add(new AuditEntry(actor, _clock.Now, "修改系统设定", "创建活动", campaign.Id, null,
            $"{campaign.Name}：修改 {changes.Count} 项系统设定", null, JsonSerializer.Serialize(changes, AuditJson.Options)));
        await db.SaveOrConflictAsync(tx, () => Task.FromResult<Exception>(new ConcurrencyConflictException(expectedVersion + 1, "其他用户", null)), ct);
        return campaign.Version;
    }

    /// <summary>Every setting in words, keyed by its Chinese name, for the audit's before → after.</summary>
    private static Dictionary<string, string> Describe(Campaign c)
    {
        var d = new Dictionary<string, string>
        {
            ["中期评估截止日期"] = $"{c.MidTermEvaluationDue:yyyy-MM-dd}",
            ["末期评估截止日期"] = $"{c.FinalEvaluationDue:yyyy-MM-dd}",
            ["提前预警天数"] = c.AlertLeadDays.ToString(),
            ["进展报告提交期限（天）"] = c.ReportDueDays.ToString(),
            ["筹款年度口径"] = FundraisingYear.BasisLabel(c.FundraisingYearBasis),
            ["筹款年度口径理由"] = c.FundraisingYearReason,
        };
        foreach (var s in c.Standards)
            foreach (var r in s.Requirements.Where(r => r.ThresholdIsSystemSetting))
                d[$"{s.Clause} {r.Description}"] = RuleText.Of(r);
        return d;
    }

    private static string UnitOf(StandardRequirement r) => r.Unit == MeasureUnit.Count ? MetricCatalogue.Of(r.Metric).UnitWord : "";
}
