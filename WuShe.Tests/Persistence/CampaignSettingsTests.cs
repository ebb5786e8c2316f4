using Microsoft.EntityFrameworkCore;
using WuShe.App.Campaigns;
using WuShe.App.Hosting;
using WuShe.App.Progress;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Common;
using WuShe.Domain.Compliance;
using WuShe.Tests.Support;

namespace WuShe.Tests.Persistence;

/// <summary>系统设定: only the city changes what the notice leaves open; the notice's numbers stay; every change is audited and judged by at once.</summary>
public class CampaignSettingsTests : SeededApp
{
    private CampaignSettings Settings => Service<CampaignSettings>();

    private async Task<(SystemSettingsView View, ThresholdRow Activities)> ReadAsync()
    {
        var (_, scope) = await UserAsync("admin");
        var view = await Settings.GetAsync(scope);
        return (view, view.Requirements.Single(r => r.Clause == "三（三）"));
    }

    [Fact]
    public async Task The_page_lists_the_notices_numbers_as_fixed_and_the_systems_as_editable()
    {
        var (view, activities) = await ReadAsync();
        Assert.True(activities.IsSystemSetting);
        Assert.Equal("系统设定（通知未规定数量）", activities.Source);
        Assert.Equal(4, view.Requirements.Count(r => r.IsSystemSetting));              // 三（三） and the three of 三（七）
        Assert.All(view.Requirements.Where(r => r.Clause is "三（二）" or "三（六）"), r => Assert.Equal("通知原文", r.Source));
        Assert.Equal(new[] { activities.RequirementId }.Concat(view.Requirements.Where(r => r.Clause == "三（七）").Select(r => r.RequirementId)).Order(),
            view.Settings.Thresholds.Keys.Order());
        Assert.Equal((new DateOnly(2023, 12, 31), 30, FundraisingYearBasis.ProjectYear),
            (view.Settings.MidTermEvaluationDue, view.Settings.AlertLeadDays, view.Settings.FundraisingYearBasis));
    }

    [Fact]
    public async Task The_city_raises_an_unstated_threshold_and_the_verdicts_and_the_audit_follow()
    {
        var (admin, scope) = await UserAsync("admin");
        var (view, activities) = await ReadAsync();
        var thresholds = view.Settings.Thresholds.ToDictionary(t => t.Key, t => t.Value);
        thresholds[activities.RequirementId] = 500;
        var version = await Settings.ChangeAsync(admin, scope, view.Version, view.Settings with { Thresholds = thresholds, AlertLeadDays = 45 });

        Assert.Equal(view.Version + 1, version);
        var after = await Settings.GetAsync(scope);
        Assert.Equal((500m, 45), (after.Settings.Thresholds[activities.RequirementId], after.Settings.AlertLeadDays));

        // The site panel judges by the new number at once, still marked as the system's.
        await using var db = NewContext();
        var site = await db.Sites.Where(s => s.JointSiteNumber == 1).Select(s => s.Id).SingleAsync();
        var panel = await Service<ComplianceQueries>().SiteAsync(scope, site);
        var three = panel.Compliance.Standards.Single(s => s.Number == 3).Requirements.Single();
        Assert.Equal("≥ 500 次", three.Required);
        Assert.EndsWith("（数量为系统设定）", three.Clause);

        var audit = await db.AuditEntries.Where(a => a.Action == "修改系统设定").SingleAsync();
        Assert.Contains("提前预警天数", audit.Changes);
        Assert.Contains("≥ 1（系统设定）", audit.Changes);
        Assert.Contains("≥ 500（系统设定）", audit.Changes);
    }

    [Fact]
    public async Task A_district_officer_a_notice_number_a_stale_version_and_bad_dates_are_refused_and_change_nothing()
    {
        var (admin, scope) = await UserAsync("admin");
        var (officer, officerScope) = await UserAsync("heping");
        var (view, _) = await ReadAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => Settings.ChangeAsync(officer, officerScope, view.Version, view.Settings with { AlertLeadDays = 1 }));

        var notice = view.Requirements.First(r => !r.IsSystemSetting && r.Clause == "三（二）");
        var withNotice = view.Settings.Thresholds.ToDictionary(t => t.Key, t => t.Value);
        withNotice[notice.RequirementId] = 1;
        var fixedNumber = await Assert.ThrowsAsync<DomainException>(() => Settings.ChangeAsync(admin, scope, view.Version, view.Settings with { Thresholds = withNotice }));
        Assert.Contains("为通知规定，不能修改", fixedNumber.Message);

        var dates = await Assert.ThrowsAsync<FieldValidationException>(() => Settings.ChangeAsync(admin, scope, view.Version,
            view.Settings with { FinalEvaluationDue = view.Settings.MidTermEvaluationDue, AlertLeadDays = 400, FundraisingYearReason = " " }));
        Assert.Equal(new[] { "AlertLeadDays", "FinalEvaluationDue", "FundraisingYearReason" }, dates.Errors.Select(e => e.Field).Order());

        var fraction = view.Settings.Thresholds.ToDictionary(t => t.Key, t => 1.5m);
        var bad = await Assert.ThrowsAsync<FieldValidationException>(() => Settings.ChangeAsync(admin, scope, view.Version, view.Settings with { Thresholds = fraction }));
        Assert.StartsWith("Thresholds[", bad.Errors[0].Field);

        await Settings.ChangeAsync(admin, scope, view.Version, view.Settings with { AlertLeadDays = 20 });
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Settings.ChangeAsync(admin, scope, view.Version, view.Settings with { AlertLeadDays = 25 }));

        var now = await Settings.GetAsync(scope);
        Assert.Equal(view.Version + 1, now.Version);
        Assert.Equal(20, now.Settings.AlertLeadDays);
        Assert.Equal(view.Settings.Thresholds, now.Settings.Thresholds);
        Assert.Equal(view.Settings.FinalEvaluationDue, now.Settings.FinalEvaluationDue);
        await using var db = NewContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "修改系统设定"));
    }
}
