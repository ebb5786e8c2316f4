using WuShe.Domain.Campaigns;
using WuShe.Domain.Common;

namespace WuShe.Domain.Compliance;

/// <summary>
/// Evaluates a campaign's standard definitions (三) against a site's facts as of a date. Pure: no clock, no I/O.
/// Active volunteers use the calendar year of the as-of date; fundraising the site's fundraising year holding it
/// (<see cref="FundraisingYear"/>, campaign data).
/// </summary>
public static class ComplianceEngine
{
    public static SiteCompliance Evaluate(Campaign campaign, SiteFacts facts, DateOnly asOf)
    {
        var standards = campaign.Standards
            .Select(s => new StandardVerdict(s.Number, s.Title, s.Clause,
                s.Requirements.Where(r => !r.IsAggregate && r.AppliesTo.Matches(facts.Tier, facts.JointSiteNumber))
                    .SelectMany(r => Evaluate(campaign, r.On(asOf), SourceOf(r, s.Clause), facts, asOf)).ToList()))
            .Where(s => s.Requirements.Count > 0)
            .ToList();
        return new SiteCompliance(asOf, asOf.Year, standards);
    }

    /// <summary>The clause, marked when its number is the system's rather than the notice's (系统设定).</summary>
    public static string SourceOf(StandardRequirement r, string clause) => r.ThresholdIsSystemSetting ? $"{clause}（数量为系统设定）" : clause;

    /// <summary>A site's fundraising in its fundraising year holding <paramref name="asOf"/>, against its floor (none: district level).</summary>
    public static FundraisingStanding FundraisingOf(Campaign campaign, SiteFacts f, DateOnly asOf) => FundraisingStanding.Of(
        campaign.FundraisingYearOf(f.Tier, f.ApprovedOn, asOf), f.FundraisingFenByMonth, campaign.FundraisingFloorFenFor(f.Tier, f.JointSiteNumber), asOf);

    /// <summary>Every fundraising year of the site up to <paramref name="asOf"/>, each as of its last day or <paramref name="asOf"/>.</summary>
    public static IReadOnlyList<FundraisingStanding> FundraisingHistory(Campaign campaign, SiteFacts f, DateOnly asOf) =>
        FundraisingYear.Through(campaign.FundraisingYearBasis, campaign.CreationStartOf(f.Tier, f.ApprovedOn, asOf), asOf)
            .Select(y => FundraisingStanding.Of(y, f.FundraisingFenByMonth, campaign.FundraisingFloorFenFor(f.Tier, f.JointSiteNumber),
                y.End < asOf ? y.End : asOf))
            .ToList();

    private static IEnumerable<RequirementVerdict> Evaluate(Campaign campaign, StandardRequirement r, string clause, SiteFacts f, DateOnly asOf)
    {
        if (r.Scope == StandardScope.Community)
        {
            foreach (var c in f.Communities.Where(c => r.ForCommunities is null || c.Kind == r.ForCommunities))
                yield return ForCommunity(r, clause, c);
            yield break;
        }
        yield return r.Metric switch
        {
            StandardMetric.CommunityFundEstablished => Fund(r, clause, f),
            StandardMetric.CoveredCommunities => Count(r, clause, "创建点", f.CoveredCommunities),
            StandardMetric.CharityFundsRaised => Fundraising(r, clause, f, FundraisingOf(campaign, f, asOf)),
            StandardMetric.StationAnnualFunding => Amount(r, clause, f.HasReport ? f.Station?.AnnualFundingFen : null),
            _ => Count(r, clause, "创建点", f.HasReport ? SiteCount(r.Metric, f) : null),
        };
    }

    internal static int? SiteCount(StandardMetric metric, SiteFacts f) => metric switch
    {
        StandardMetric.FullTimeSocialWorkers => f.FullTimeSocialWorkers,
        StandardMetric.SpecialHardshipServiceActivities => f.SpecialHardshipActivities,
        StandardMetric.CommunitySocialOrganisations => f.Organisations,
        StandardMetric.ResearchTopics => f.ResearchTopics,
        StandardMetric.CaseWriteUps => f.CaseWriteUps,
        StandardMetric.MediaReports => f.MediaReports,
        StandardMetric.StationFloorArea => f.Station?.FloorAreaSquareMetres,
        StandardMetric.StationStaff => f.Station?.Staff,
        _ => null,
    };

    private static RequirementVerdict ForCommunity(StandardRequirement r, string clause, CommunityFacts c) => r.Metric switch
    {
        StandardMetric.CommitteeMembersTakingPart => Count(r, clause, c.Name, c.CommitteeMembers),
        StandardMetric.CertifiedWorkersTakingPart => Count(r, clause, c.Name, c.CertifiedWorkers),
        StandardMetric.VolunteerTeams => Count(r, clause, c.Name, c.VolunteerTeams),
        StandardMetric.SocialOrganisationsPerCommunity => Count(r, clause, c.Name, c.Organisations),
        StandardMetric.RegisteredVolunteerShare => Share(r, clause, c.Name, c.RegisteredVolunteers, c.ResidentPopulation, "常住人口"),
        StandardMetric.ActiveVolunteerShare => Share(r, clause, c.Name, c.ActiveVolunteers, c.RegisteredVolunteers, "注册志愿者"),
        StandardMetric.CertifiedWorkerShare => Share(r, clause, c.Name, c.CertifiedCommunityWorkers, c.CommunityWorkers, "社区工作者"),
        _ => NoData(r, clause, c.Name, $"指标 {r.Metric} 不适用于社区"),
    };

    private static RequirementVerdict Count(StandardRequirement r, string clause, string scope, int? actual)
    {
        var m = MetricCatalogue.Of(r.Metric);
        if (r.Comparator == Comparator.TrackOnly)
            return actual is { } t
                ? new(r.Description, scope, VerdictStatus.Tracked, "不设要求（仅统计）", $"{t} {m.UnitWord}", "", clause, null)
                : NoData(r, clause, scope, "尚无已提交的进展报告", "不设要求（仅统计）");
        var required = $"{r.Comparator.Symbol()} {r.Threshold:0} {m.UnitWord}";
        if (actual is not { } a) return NoData(r, clause, scope, "尚无已提交的进展报告", required);
        var met = r.Comparator.Holds(a, r.Threshold);
        return new(r.Description, scope, met ? VerdictStatus.Met : VerdictStatus.NotMet, required, $"{a} {m.UnitWord}",
            met ? "" : GapText(r.Comparator, Math.Max(1, r.Comparator.WholeGap(a, r.Threshold)), m), clause, r.Comparator.Progress(a, r.Threshold));
    }

    /// <summary>A sum of money the latest report states (服务站年度经费) against a floor in 分, in 元.</summary>
    private static RequirementVerdict Amount(StandardRequirement r, string clause, long? fen)
    {
        var m = MetricCatalogue.Of(r.Metric);
        var required = r.Comparator == Comparator.TrackOnly ? "不设要求（仅统计）" : $"{r.Comparator.Symbol()} {Money.FormatYuan((long)r.Threshold)}";
        if (fen is not { } a) return NoData(r, clause, "创建点", "最新进展报告未填写", required);
        var actual = Money.FormatYuan(a);
        if (r.Comparator == Comparator.TrackOnly) return new(r.Description, "创建点", VerdictStatus.Tracked, required, actual, "", clause, null);
        var met = r.Comparator.Holds(a, r.Threshold);
        return new(r.Description, "创建点", met ? VerdictStatus.Met : VerdictStatus.NotMet, required, actual,
            met ? "" : $"{r.Comparator.GapWord()} {Money.FormatYuan((long)Math.Abs(r.Threshold - a))}{m.Noun}", clause, r.Comparator.Progress(a, r.Threshold));
    }

    /// <summary>"还差 2 名专职社会工作者" below a floor, "超出 1 个…" above a ceiling, "相差 1 个…" off an exact number.</summary>
    private static string GapText(Comparator c, int gap, MetricDefinition m) =>
        $"{c.GapWord()} {gap} {m.UnitWord}{m.Noun}";

    /// <summary>part / whole against a ratio threshold, exactly in decimals: 15.00 % passes, 14.99 % fails.</summary>
    private static RequirementVerdict Share(StandardRequirement r, string clause, string scope, int? part, int? whole, string wholeName)
    {
        var m = MetricCatalogue.Of(r.Metric);
        var required = r.Comparator == Comparator.TrackOnly ? "不设要求（仅统计）" : $"{r.Comparator.Symbol()} {r.Threshold * 100:0.##}%";
        if (whole is not > 0) return NoData(r, clause, scope, $"{wholeName}未填或为 0，无法计算比例", required);
        if (part is not { } p) return NoData(r, clause, scope, $"{m.Noun}人数未填", required);
        var share = (decimal)p / whole.Value;
        var actual = $"{share * 100:0.00}%（{p} / {whole} {wholeName}）";
        if (r.Comparator == Comparator.TrackOnly) return new(r.Description, scope, VerdictStatus.Tracked, required, actual, "", clause, null);
        if (r.Comparator.Holds(share, r.Threshold))
            return new(r.Description, scope, VerdictStatus.Met, required, actual, "", clause, r.Comparator.Progress(share, r.Threshold));
        // The whole-person distance: how many more (or fewer) of the numerator would meet the rule at this denominator.
        var gap = r.Comparator.WholeGap(p, r.Threshold * whole.Value);
        return new(r.Description, scope, VerdictStatus.NotMet, required, actual, GapText(r.Comparator, Math.Max(gap, 1), m), clause,
            r.Comparator.Progress(share, r.Threshold));
    }

    private static RequirementVerdict Fund(StandardRequirement r, string clause, SiteFacts f)
    {
        const string required = "依托具有公开募捐资格的慈善组织设立";
        if (!f.HasReport) return NoData(r, clause, "创建点", "尚无已提交的进展报告", required);
        if (!f.FundEstablished)
            return new(r.Description, "创建点", VerdictStatus.NotMet, required, "未设立", "尚未设立社区基金", clause, 0);
        var actual = $"依托{f.FundCharity}，{f.FundSetUpOn:yyyy-MM-dd} 设立";
        return f.FundCharityHasPublicFundraisingStatus
            ? new(r.Description, "创建点", VerdictStatus.Met, required, actual, "", clause, 1)
            : new(r.Description, "创建点", VerdictStatus.NotMet, required, actual + "（该组织无公开募捐资格）",
                "社区基金须依托具有公开募捐资格的慈善组织", clause, 0.5m);
    }

    private static RequirementVerdict Fundraising(StandardRequirement r, string clause, SiteFacts f, FundraisingStanding st)
    {
        var year = st.Year;
        var actual = $"{year.Label}已筹 {Money.FormatYuan(st.RaisedFen)}（含物资折算）";
        var per = $"每{FundraisingYear.BasisLabel(year.Basis)}";
        if (r.Comparator == Comparator.TrackOnly)
            return new(r.Description, "创建点", VerdictStatus.Tracked, "不设下限（仅统计）", actual, "", clause, null);
        var floor = (long)r.Threshold;
        if (r.Comparator == Comparator.MoreThan)
        {
            var some = $"{per} > {Money.FormatYuan(floor)}（应撬动一定数额，额度不做限定）";
            if (!f.HasReport) return NoData(r, clause, "创建点", "尚无已提交的进展报告", some);
            return st.RaisedFen > floor
                ? new(r.Description, "创建点", VerdictStatus.Met, some, actual, "", clause, 1)
                : new(r.Description, "创建点", VerdictStatus.NotMet, some, actual, $"{year.ShortLabel}尚未撬动任何社会慈善资金", clause, 0);
        }
        var required = $"{per} ≥ {Money.FormatYuan(floor)}";
        if (!f.HasReport) return NoData(r, clause, "创建点", "尚无已提交的进展报告", required);
        if (st.RaisedFen >= floor) return new(r.Description, "创建点", VerdictStatus.Met, required, actual, "", clause, 1);
        return new(r.Description, "创建点", VerdictStatus.NotMet, required, actual,
            $"{year.ShortLabel}还差 {Money.FormatYuan(floor - st.RaisedFen)}；{st.PaceText}", clause, Ratio(st.RaisedFen, floor));
    }

    private static RequirementVerdict NoData(StandardRequirement r, string clause, string scope, string why, string? required = null) =>
        new(r.Description, scope, VerdictStatus.NoData, required ?? "", "无数据", why, clause, null);

    private static decimal Ratio(decimal actual, decimal threshold) => threshold <= 0 ? 1 : Math.Clamp(actual / threshold, 0, 1);
}
