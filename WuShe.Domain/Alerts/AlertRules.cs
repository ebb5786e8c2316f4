using WuShe.Domain.Progress;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Common;
using WuShe.Domain.Compliance;

namespace WuShe.Domain.Alerts;

/// <summary>The alert rules of SPEC §6 as pure functions of the data and a date (Asia/Shanghai).</summary>
public static class AlertRules
{
    public static IReadOnlyList<AlertFinding> Evaluate(AlertInputs inputs, DateOnly today, AlertSettings settings) =>
        Milestones(inputs, today, settings)
            .Concat(ReportsOverdue(inputs, today, settings))
            .Concat(EvaluationsOverdue(inputs, today, settings))
            .Concat(Fundraising(inputs, today))
            .Concat(StandardsFailing(inputs))
            .Concat(Quotas(inputs))
            .ToList();

    /// <summary>
    /// Each milestone of 二 by <see cref="MilestoneProgress"/> (sites meeting every standard, accepted ones included, ÷ street
    /// quota; a passed milestone judged as of its due date): a warning from <see cref="AlertSettings.LeadDays"/> before the
    /// due date through the due date itself, critical after it.
    /// </summary>
    public static IEnumerable<AlertFinding> Milestones(AlertInputs inputs, DateOnly today, AlertSettings settings)
    {
        var scopes = inputs.Districts.Select(d => (Scope: AlertScope.District, Key: $"district:{d.Id}", d.Name, Tasks: d.StreetQuota,
                CompleteOn: (Func<DateOnly, int>)(day => d.CompleteOn.GetValueOrDefault(day)), DistrictId: (int?)d.Id, Link: $"/districts/{d.Code}"))
            .Append((AlertScope.City, "city", "全市", inputs.Districts.Sum(d => d.StreetQuota),
                day => inputs.Districts.Sum(d => d.CompleteOn.GetValueOrDefault(day)), null, "/dashboard"));
        foreach (var s in scopes.Where(s => s.Tasks > 0))
            foreach (var m in MilestoneProgress.Of(inputs.Campaign.Milestones, today, s.Tasks, s.CompleteOn))
            {
                if (m.DaysLeft > settings.LeadDays || m.Reached) continue;
                var when = m.DaysLeft >= 0 ? $"距 {m.DueDate:yyyy-MM-dd} 节点还有 {m.DaysLeft} 天" : $"已过 {m.DueDate:yyyy-MM-dd} 节点 {-m.DaysLeft} 天";
                yield return new(AlertRule.MilestoneRisk, "", s.Scope, s.Key, m.DueDate.ToString("yyyy-MM-dd"),
                    m.Settled ? AlertSeverity.Critical : AlertSeverity.Warning,
                    $"{s.Name}创建进度{(m.Settled ? "未达到" : "可能达不到")}节点要求",
                    $"{when}；要求完成创建任务的 {m.Required * 100:0}%（{m.SitesRequired} 个街镇），{m.JudgedText}已完成 {m.CompleteSites} / {m.Tasks}" +
                    $"（{m.Actual * 100:0.0}%），还差 {m.SitesShort} 个", $"二：{m.Description}", s.DistrictId, null, s.Link);
            }
    }

    /// <summary>A period's report not submitted within <see cref="AlertSettings.ReportDueDays"/> days after the period ends.</summary>
    public static IEnumerable<AlertFinding> ReportsOverdue(AlertInputs inputs, DateOnly today, AlertSettings settings)
    {
        var months = inputs.Campaign.ReportingPeriodMonths;
        foreach (var site in inputs.Sites)
            foreach (var owed in ReportingPeriods.Unsubmitted(site.ReportingFrom, months, settings.ReportDueDays, site.SubmittedPeriods, today).Where(p => p.OverdueOn(today)))
            {
                var late = owed.DaysLate(today);
                yield return new(AlertRule.ReportOverdue, "", AlertScope.Site, $"site:{site.Id}", owed.Start.ToString("yyyy-MM"),
                    late > 30 ? AlertSeverity.Critical : AlertSeverity.Warning,
                    $"{site.Street}{owed.Start:yyyy年M月}进展报告逾期未提交",
                    $"应于 {owed.DueOn:yyyy-MM-dd} 前提交（期末后 {settings.ReportDueDays} 天），已逾期 {late} 天", inputs.Campaign.Clauses.Tracking,
                    site.DistrictId, site.Id, $"/sites/{site.Id}/progress");
            }
    }

    /// <summary>Evaluations not submitted by their due date; a warning within the lead time, critical after. Only for sites that
    /// were in creation by the due date: a site approved later owes nothing by it.</summary>
    public static IEnumerable<AlertFinding> EvaluationsOverdue(AlertInputs inputs, DateOnly today, AlertSettings settings)
    {
        foreach (var e in inputs.Evaluations.Where(e => !e.Submitted && e.Owed))
        {
            var daysLeft = e.DueDate.DayNumber - today.DayNumber;
            if (daysLeft > settings.LeadDays) continue;
            yield return new(AlertRule.EvaluationOverdue, e.Phase, AlertScope.Site, $"site:{e.SiteId}", e.DueDate.ToString("yyyy-MM-dd"),
                daysLeft >= 0 ? AlertSeverity.Warning : AlertSeverity.Critical,
                $"{e.Street}{e.Phase}评估{(daysLeft >= 0 ? "即将到期" : "逾期未提交")}",
                daysLeft >= 0 ? $"应于 {e.DueDate:yyyy-MM-dd} 前提交，还有 {daysLeft} 天" : $"应于 {e.DueDate:yyyy-MM-dd} 前提交，已逾期 {-daysLeft} 天",
                inputs.Campaign.Clauses.Evaluation, e.DistrictId, e.SiteId, $"/sites/{e.SiteId}/evaluations");
        }
    }

    /// <summary>
    /// Sites with a floor (三（六））, in the site's fundraising year (<see cref="FundraisingYear"/>, the same standing the
    /// completion verdict reads): the current year behind the pro-rata pace, and the year just ended below the floor.
    /// District-level sites have no floor: never alerted here (their verdict asks for some money).
    /// </summary>
    public static IEnumerable<AlertFinding> Fundraising(AlertInputs inputs, DateOnly today)
    {
        var clause = inputs.Campaign.ClauseOf(StandardMetric.CharityFundsRaised);
        foreach (var site in inputs.Sites.Where(s => s.Fundraising.FloorFen is not null))
        {
            var now = site.Fundraising;
            var floor = now.FloorFen!.Value;
            if (now.BehindPace)
                yield return new(AlertRule.FundraisingPace, "", AlertScope.Site, $"site:{site.Id}", now.Year.Key, AlertSeverity.Warning,
                    $"{site.Street}{now.Year.ShortLabel}筹款进度滞后",
                    $"{now.Year.Label}下限 {Money.FormatYuan(floor)}，按已过 {now.MonthsPassed} 个月进度应筹 {Money.FormatYuan(now.ExpectedFen)}，已筹 {Money.FormatYuan(now.RaisedFen)}，差 {Money.FormatYuan(now.ExpectedFen - now.RaisedFen)}",
                    clause, site.DistrictId, site.Id, $"/sites/{site.Id}");

            if (site.PreviousFundraising is not { } last || last.FloorReached) continue;
            yield return new(AlertRule.FundraisingBelowFloor, "", AlertScope.Site, $"site:{site.Id}", last.Year.Key, AlertSeverity.Critical,
                $"{site.Street}{last.Year.ShortLabel}筹款低于下限",
                $"{last.Year.Label}已筹 {Money.FormatYuan(last.RaisedFen)}，下限 {Money.FormatYuan(floor)}，差 {Money.FormatYuan(floor - last.RaisedFen)}", clause,
                site.DistrictId, site.Id, $"/sites/{site.Id}");
        }
    }

    /// <summary>Every requirement of 三 not met for a site or one of its communities, with required, actual and gap.</summary>
    public static IEnumerable<AlertFinding> StandardsFailing(AlertInputs inputs)
    {
        foreach (var site in inputs.Sites)
            foreach (var standard in site.Compliance.Standards)
                foreach (var (r, i) in standard.Requirements.Select((r, i) => (r, i)).Where(x => x.r.Status == VerdictStatus.NotMet))
                {
                    var community = r.Scope != "创建点";
                    yield return new(AlertRule.StandardFailing, $"{standard.Number}.{i + 1}", community ? AlertScope.Community : AlertScope.Site,
                        community ? $"site:{site.Id}:community:{r.Scope}" : $"site:{site.Id}", "",
                        AlertSeverity.Warning, $"{site.Street}{(community ? r.Scope : "")}：（{standard.Number}）{standard.Title}未达标",
                        $"{r.Description}：标准 {r.Required}，实际 {r.Actual}；{r.Gap}", r.Clause, site.DistrictId, site.Id, $"/sites/{site.Id}");
                }
    }

    /// <summary>A district whose quota is over-used, or whose remaining communities cannot give each remaining street its minimum.</summary>
    public static IEnumerable<AlertFinding> Quotas(AlertInputs inputs) =>
        inputs.Districts.Where(d => d.Ledger.Problem is not null).Select(d => new AlertFinding(AlertRule.QuotaProblem, "", AlertScope.District,
            $"district:{d.Id}", "", d.Ledger.Remaining.Streets < 0 || d.Ledger.Remaining.Communities < 0 ? AlertSeverity.Critical : AlertSeverity.Warning,
            $"{d.Name}名额需要关注", d.Ledger.Problem!, $"附件1；{d.Ledger.Rules.CommunitiesClause}：项目辐射不少于{d.Ledger.Rules.MinimumCommunities}个社区",
            d.Id, null, $"/districts/{d.Code}"));
}
