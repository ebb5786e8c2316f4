using Microsoft.EntityFrameworkCore;
using WuShe.App.Alerts;
using WuShe.App.Campaigns;
using WuShe.App.Jobs;
using WuShe.Domain.Alerts;
using WuShe.Tests.Support;

namespace WuShe.Tests.Persistence;

/// <summary>The alert scan on SQLite with the seeded campaign, replayed on 2024-05-20.</summary>
public class AlertScanTests : SeededApp
{
    /// <summary>The scan's ledger alone: the daily backup's start-up catch-up would add runs of its own (it has its tests).</summary>
    protected override IEnumerable<string> ExtraArguments => new[] { "--WuShe:JobSchedules:Backup=" };

    [Fact]
    public async Task Two_runs_give_the_same_open_set_and_fixing_the_data_resolves_the_alert()
    {
        var scan = Service<AlertScan>();
        var first = await scan.RunAsync("手动", "测试");
        Assert.True(first.Opened > 0);
        await using var db = NewContext();
        var openAfterFirst = await db.Alerts.Where(a => a.State == AlertState.Open).Select(a => a.Id).OrderBy(i => i).ToListAsync();

        var second = await scan.RunAsync("手动", "测试");
        Assert.Equal((0, first.Opened, 0), (second.Opened, second.Refreshed, second.Resolved));
        Assert.Equal(openAfterFirst, await db.Alerts.Where(a => a.State == AlertState.Open).Select(a => a.Id).OrderBy(i => i).ToListAsync());
        Assert.Equal(await db.Alerts.CountAsync(), await db.Alerts.Select(a => new { a.Rule, a.RuleKey, a.ScopeKey, a.Period }).Distinct().CountAsync());

        var heping = await db.Districts.SingleAsync(d => d.Code == "120101");
        var quotaAlert = await db.Alerts.SingleAsync(a => a.Rule == AlertRule.QuotaProblem && a.DistrictId == heping.Id);
        Assert.Contains("缺 1 个", quotaAlert.Numbers);
        var (admin, scope) = await UserAsync("admin");
        await Service<QuotaApplications>().ChangeQuotaAsync(admin, scope, heping.Id, heping.Version, 3, 7, "市局批复");

        var third = await scan.RunAsync("手动", "测试");
        Assert.Equal(1, third.Resolved);
        await using var after = NewContext();
        var resolved = await after.Alerts.SingleAsync(a => a.Id == quotaAlert.Id);
        Assert.Equal(AlertState.Resolved, resolved.State);
        Assert.NotNull(resolved.ResolvedAt);
        Assert.Equal(3, await after.JobRuns.CountAsync(r => r.Job == AlertScan.JobName && r.Succeeded == true));
    }

    [Fact]
    public async Task Only_those_who_act_on_alerts_may_acknowledge_them_and_read_only_roles_start_no_batches()
    {
        await Service<AlertScan>().RunAsync("手动", "测试");
        await using var db = NewContext();
        var alert = await db.Alerts.FirstAsync(a => a.Rule == AlertRule.QuotaProblem);
        foreach (var role in new[] { "viewer", "expert" })
        {
            var (actor, scope) = await UserAsync(role);
            // Refused either as outside the role's scope or by the domain's own rule; either way nothing changes.
            await Assert.ThrowsAnyAsync<Exception>(() => Service<AlertQueries>().AcknowledgeAsync(actor, scope, alert.Id, "看过"));
            await using var check = NewContext();
            Assert.Equal(AlertState.Open, (await check.Alerts.SingleAsync(a => a.Id == alert.Id)).State);
            await Assert.ThrowsAsync<WuShe.App.Hosting.AccessDeniedException>(() => Service<WuShe.App.Reports.ReportBatches>().StartAsync(actor, scope, null));
        }
        var (admin, adminScope) = await UserAsync("admin");
        await Service<AlertQueries>().AcknowledgeAsync(admin, adminScope, alert.Id, "已处理");
        await using var after = NewContext();
        Assert.Equal(AlertState.Acknowledged, (await after.Alerts.SingleAsync(a => a.Id == alert.Id)).State);
    }

    [Fact]
    public async Task The_seeded_campaign_replayed_in_May_2024_has_the_expected_kinds_of_alerts()
    {
        await Service<AlertScan>().RunAsync("手动", "测试");
        await using var db = NewContext();
        var alerts = await db.Alerts.ToListAsync();
        var city = Assert.Single(alerts, a => a.Rule == AlertRule.MilestoneRisk && a.Scope == AlertScope.City && a.Period == "2023-11-30");
        Assert.Equal(AlertSeverity.Critical, city.Severity);
        Assert.Contains("已完成 0 / 50", city.Numbers);
        Assert.Contains(alerts, a => a.Rule == AlertRule.ReportOverdue && a.Period == "2023-07");
        // Tianjin counts 三（六） by project year: the joint sites' first year runs to 2024-06-30, so none has ended below
        // its floor yet; sites behind the pace are warned about their first project year.
        Assert.DoesNotContain(alerts, a => a.Rule == AlertRule.FundraisingBelowFloor);
        var pace = alerts.Where(a => a.Rule == AlertRule.FundraisingPace).ToList();
        Assert.NotEmpty(pace);
        Assert.All(pace, a => Assert.Equal("2023-07", a.Period));
        Assert.All(pace, a => Assert.Contains("第 1 项目年度筹款进度滞后", a.Title));
        Assert.Equal(2, alerts.Count(a => a.Rule == AlertRule.QuotaProblem));
        Assert.DoesNotContain(alerts, a => a.Rule == AlertRule.MilestoneRisk && a.Period == "2024-06-30"); // 41 days ahead, lead time 30
        var midTerm = alerts.Where(a => a.Rule == AlertRule.EvaluationOverdue && a.RuleKey == "中期").ToList();
        Assert.Equal(11, midTerm.Count);                                                                  // every joint site, due 2023-12-31
        Assert.All(midTerm, a => Assert.Equal(AlertSeverity.Critical, a.Severity));
        Assert.DoesNotContain(alerts, a => a.Rule == AlertRule.EvaluationOverdue && a.RuleKey == "末期"); // due 2024-07-31: 72 days ahead
    }

    [Fact]
    public async Task The_centre_pages_through_every_alert_most_severe_first_with_counts_of_all_matches()
    {
        await Service<AlertScan>().RunAsync("手动", "测试");
        var (_, scope) = await UserAsync("admin");
        var queries = Service<AlertQueries>();
        await using var db = NewContext();
        var open = await db.Alerts.CountAsync(a => a.State == AlertState.Open);
        Assert.True(open > 60, $"{open}");

        var first = await queries.PageAsync(scope, new AlertFilter(), 0, 25);
        Assert.Equal(open, first.Total);
        Assert.Equal(first.Total, first.Critical + first.Warning + first.Info);
        Assert.Equal(25, first.Rows.Count);
        Assert.Equal((open + 24) / 25, first.Pages);
        var all = new List<AlertView>();
        for (var p = 0; p < first.Pages; p++) all.AddRange((await queries.PageAsync(scope, new AlertFilter(), p, 25)).Rows);
        Assert.Equal(open, all.Select(a => a.Id).Distinct().Count());                      // every alert once, none after a silent cap
        Assert.Equal(all.Select(a => a.Severity).OrderByDescending(v => v), all.Select(a => a.Severity));   // 严重 before 警告 before 提示
        Assert.Equal(first.Pages - 1, (await queries.PageAsync(scope, new AlertFilter(), 999, 25)).Page); // past the end: the last page
    }

    [Fact]
    public async Task Several_alerts_are_acknowledged_at_once_in_scope_or_none_are()
    {
        await Service<AlertScan>().RunAsync("手动", "测试");
        var (officer, scope) = await UserAsync("heping");
        var queries = Service<AlertQueries>();
        await using var db = NewContext();
        var heping = await db.Districts.Where(d => d.Code == "120101").Select(d => d.Id).SingleAsync();
        var mine = await db.Alerts.Where(a => a.DistrictId == heping && a.State == AlertState.Open).Select(a => a.Id).Take(3).ToListAsync();
        var other = await db.Alerts.Where(a => a.DistrictId != null && a.DistrictId != heping).Select(a => a.Id).FirstAsync();
        Assert.Equal(3, mine.Count);

        await Assert.ThrowsAsync<WuShe.App.Hosting.NotFoundException>(() => queries.AcknowledgeManyAsync(officer, scope, mine.Append(other).ToList(), "一并处理"));
        Assert.Equal(0, await db.Alerts.CountAsync(a => mine.Contains(a.Id) && a.State != AlertState.Open));

        Assert.Equal(3, await queries.AcknowledgeManyAsync(officer, scope, mine, "已督促街镇补报"));
        await using var after = NewContext();
        Assert.All(await after.Alerts.Where(a => mine.Contains(a.Id)).ToListAsync(), a =>
            Assert.Equal((AlertState.Acknowledged, "已督促街镇补报"), (a.State, a.AcknowledgeNote)));
        var again = await Assert.ThrowsAsync<WuShe.Domain.Common.DomainException>(() => queries.AcknowledgeManyAsync(officer, scope, mine, ""));
        Assert.Contains("已被知悉", again.Message);
    }

    [Fact]
    public async Task A_site_approved_today_is_not_told_its_mid_term_evaluation_is_overdue()
    {
        var (officer, scope) = await UserAsync("heping");
        var (admin, adminScope) = await UserAsync("admin");
        var applications = Service<WuShe.App.Sites.SiteApplications>();
        var site = await applications.CreateDraftAsync(officer, scope, WuShe.Tests.Domain.SiteLifecycleTests.Valid() with { Street = "劝业场街道" });
        await applications.ApproveAsync(admin, adminScope, site, await applications.SubmitAsync(officer, scope, site, 1));

        await Service<AlertScan>().RunAsync("手动", "测试");
        await using var db = NewContext();
        var evaluations = await db.Alerts.Where(a => a.Rule == AlertRule.EvaluationOverdue).ToListAsync();
        Assert.DoesNotContain(evaluations, a => a.SiteId == site);                 // mid-term due 2023-12-31, began 2024-05
        Assert.Equal(11, evaluations.Count(a => a.RuleKey == "中期"));             // the joint sites, in creation since 2023-07, still owe it
    }

    [Fact]
    public async Task A_scheduled_time_runs_once_even_if_asked_twice()
    {
        var at = new DateTimeOffset(2024, 5, 20, 6, 0, 0, TimeSpan.FromHours(8));
        var first = await Service<AlertScan>().RunAsync("定时", "调度器", at);
        var again = await Service<AlertScan>().RunAsync("补跑", "启动补跑", at);
        Assert.False(first.Skipped);
        Assert.True(again.Skipped);
        await using var db = NewContext();
        Assert.Equal(1, await db.JobRuns.CountAsync(r => r.ScheduledFor == at));
    }

    [Fact]
    public async Task A_real_Quartz_scheduler_catches_up_a_missed_run_and_runs_on_demand_and_records_both()
    {
        var jobs = Service<ScheduledJobs>();
        await using (await StartJobsAsync())
        {
            await WaitForAsync(db => db.JobRuns.AnyAsync(r => r.Trigger == "补跑" && r.Succeeded == true));
            await jobs.RunNowAsync(AlertScan.JobName, "测试");
            await WaitForAsync(db => db.JobRuns.AnyAsync(r => r.Trigger == "手动" && r.Succeeded == true));
            Assert.Equal(Quartz.SchedulerStatus.Running, (await (await jobs.SchedulerAsync()).GetMetadata(default)).Status);
            var next = await jobs.NextFireTimeAsync(AlertScan.JobName);
            Assert.Equal(6, WuShe.Domain.Common.ChinaTime.ToChina(next!.Value).Hour);
        }
        await using var check = NewContext();
        var runs = await check.JobRuns.ToListAsync();
        Assert.All(runs, r => Assert.NotNull(r.FinishedAt));
        Assert.Contains(runs, r => r.Trigger == "补跑" && r.ScheduledFor is not null && r.Opened > 0);
    }

    [Fact]
    public async Task A_run_left_running_by_a_crash_becomes_interrupted_and_its_fire_time_runs_once_more()
    {
        // What kill -9 during a scan leaves: the run's row committed, no end. Its fire time is the latest one due.
        var due = ScheduledJobs.MissedFireTime(ScheduledJobs.Cron("0 0 6 * * ?"), DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow)!.Value;
        await using (var db = NewContext())
        {
            db.JobRuns.Add(new JobRun(AlertScan.JobName, due, "定时", "调度器", due));
            await db.SaveChangesAsync();
        }
        await using (await StartJobsAsync())
            await WaitForAsync(db => db.JobRuns.AnyAsync(r => r.Trigger == "重跑" && r.FinishedAt != null));
        await using var check = NewContext();
        var runs = await check.JobRuns.Where(r => r.ScheduledFor == due).OrderBy(r => r.Attempt).ToListAsync();
        Assert.Equal(2, runs.Count);
        Assert.Equal(("中断", 1), (runs[0].State, runs[0].Attempt));
        Assert.Contains("异常退出", runs[0].Result);
        Assert.Equal(("成功", 2, "重跑"), (runs[1].State, runs[1].Attempt, runs[1].Trigger));
        Assert.True(runs[1].Opened > 0);
        Assert.DoesNotContain(await check.JobRuns.ToListAsync(), r => r.Running);
    }

    [Fact]
    public async Task A_fire_time_cut_off_three_times_is_not_run_a_fourth_time_and_a_finished_one_never_again()
    {
        var due = ScheduledJobs.MissedFireTime(ScheduledJobs.Cron("0 0 6 * * ?"), DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow)!.Value;
        await using (var db = NewContext())
        {
            for (var attempt = 1; attempt <= JobRecovery.MaxAttempts; attempt++)
                db.JobRuns.Add(new JobRun(AlertScan.JobName, due, "定时", "调度器", due, attempt));
            await db.SaveChangesAsync();
        }
        var scan = Service<AlertScan>();
        await using (await StartJobsAsync())
            await WaitForAsync(db => db.JobRuns.Where(r => r.Job == AlertScan.JobName).AllAsync(r => r.FinishedAt != null));
        Assert.True((await scan.RunAsync("重跑", "测试", due, default, JobRecovery.MaxAttempts)).Skipped); // an attempt already made
        await using var check = NewContext();
        Assert.Equal(JobRecovery.MaxAttempts, await check.JobRuns.CountAsync(r => r.ScheduledFor == due));
        Assert.All(await check.JobRuns.Where(r => r.Job == AlertScan.JobName).ToListAsync(), r => Assert.Equal("中断", r.State));

        var later = due.AddDays(-1);
        Assert.False((await scan.RunAsync("定时", "测试", later)).Skipped);
        Assert.True((await scan.RunAsync("重跑", "测试", later, default, 2)).Skipped); // finished: never again
    }

    [Theory]
    [InlineData("2024-05-19T06:00:00+08:00", "2024-05-21T07:00:00+08:00", "2024-05-21T06:00:00+08:00")] // two missed: run the latest once
    [InlineData("2024-05-19T06:00:00+08:00", "2024-05-20T05:59:00+08:00", null)]                           // nothing missed yet
    [InlineData("2024-05-19T06:00:00+08:00", "2024-05-20T06:00:00+08:00", "2024-05-20T06:00:00+08:00")]   // exactly due
    public void Missed_fire_times_coalesce_into_one(string last, string now, string? expected)
    {
        var missed = ScheduledJobs.MissedFireTime(ScheduledJobs.Cron("0 0 6 * * ?"), DateTimeOffset.Parse(last), DateTimeOffset.Parse(now));
        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected), missed);
    }

    private async Task WaitForAsync(Func<WuShe.App.Data.WuSheDbContext, Task<bool>> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            await using var db = NewContext();
            if (await condition(db)) return;
            await Task.Delay(100);
        }
        throw new TimeoutException("任务在 20 秒内未完成。");
    }
}

/// <summary>The alert scan fired by a real cron trigger of the running Quartz scheduler (here every second).</summary>
public class CronFiredAlertScanTests : SeededApp
{
    protected override IEnumerable<string> ExtraArguments => new[] { "--WuShe:JobSchedules:AlertScan=* * * * * ?", "--WuShe:JobSchedules:Backup=" };

    [Fact]
    public async Task A_cron_fire_runs_the_scan_as_a_scheduled_run_and_no_fire_time_runs_twice()
    {
        await using (await StartJobsAsync())
        {
            for (var i = 0; i < 600; i++)
            {
                await using var db = NewContext();
                if (await db.JobRuns.CountAsync(r => r.Trigger == "定时" && r.Succeeded == true) >= 2) break;
                await Task.Delay(100);
            }
        }
        await using var check = NewContext();
        var runs = await check.JobRuns.AsNoTracking().ToListAsync();
        var scheduled = runs.Where(r => r.Trigger == "定时").ToList();
        Assert.True(scheduled.Count(r => r.Succeeded == true) >= 2, string.Join("；", runs.Select(r => $"{r.Trigger} {r.Result}")));
        Assert.All(scheduled, r => Assert.NotNull(r.ScheduledFor));
        Assert.Equal(runs.Count(r => r.ScheduledFor != null), runs.Where(r => r.ScheduledFor != null).Select(r => r.ScheduledFor).Distinct().Count());
        Assert.All(runs, r => Assert.NotNull(r.FinishedAt));
        Assert.Contains("成功", scheduled.First(r => r.Succeeded == true).Result);
    }
}

