using WuShe.Domain.Campaigns;
using WuShe.Domain.Common;

namespace WuShe.Domain.Compliance;

/// <summary>A site's facts with the district it belongs to, for district and city targets.</summary>
public sealed record DistrictSiteFacts(int DistrictId, SiteFacts Facts);

/// <summary>A district or city target's verdict: for the whole campaign (<see cref="DistrictId"/> null) or one district.</summary>
public sealed record AggregateVerdict(int StandardNumber, string StandardTitle, int? DistrictId, RequirementVerdict Verdict);

/// <summary>
/// Evaluates a campaign's district and city targets (区/市 scope: totals, averages per community or site, pooled ratios,
/// coverage) over its sites' facts as of a date. Pure, like <see cref="ComplianceEngine"/>. A community or site with no
/// report counts as 0 and is named in the actual figure, so a target is never met on missing data unnoticed.
/// </summary>
public static class AggregateEngine
{
    public static IReadOnlyList<AggregateVerdict> Evaluate(Campaign campaign, IReadOnlyList<DistrictSiteFacts> sites,
        IReadOnlyList<(int Id, string Name)> districts, DateOnly asOf)
    {
        var verdicts = new List<AggregateVerdict>();
        foreach (var s in campaign.Standards)
            foreach (var r in s.Requirements.Where(r => r.IsAggregate).Select(r => r.On(asOf)))
            {
                var clause = ComplianceEngine.SourceOf(r, s.Clause);
                var selected = sites.Where(x => r.AppliesTo.Matches(x.Facts.Tier, x.Facts.JointSiteNumber)).ToList();
                if (r.Scope == StandardScope.City)
                    verdicts.Add(new(s.Number, s.Title, null, Evaluate(campaign, r, clause, "全市", selected.Select(x => x.Facts).ToList(), asOf)));
                else
                    verdicts.AddRange(districts.Select(d => new AggregateVerdict(s.Number, s.Title, d.Id,
                        Evaluate(campaign, r, clause, d.Name, selected.Where(x => x.DistrictId == d.Id).Select(x => x.Facts).ToList(), asOf))));
            }
        return verdicts;
    }

    private static RequirementVerdict Evaluate(Campaign campaign, StandardRequirement r, string clause, string scope, IReadOnlyList<SiteFacts> sites, DateOnly asOf)
    {
        var m = MetricCatalogue.Of(r.Metric);
        var unit = MetricCatalogue.UnitOf(m, r.Aggregation);
        var required = r.Comparator == Comparator.TrackOnly ? "不设要求（仅统计）"
            : $"{r.Comparator.Symbol()} {(unit == MeasureUnit.Ratio ? $"{r.Threshold * 100:0.##}%" : Format(unit, r.Threshold, m))}";
        var communities = sites.SelectMany(f => f.Communities).Where(c => r.ForCommunities is null || c.Kind == r.ForCommunities).ToList();
        var perCommunity = m.Scopes.Contains(StandardScope.Community);
        if (sites.Count == 0 || (perCommunity && communities.Count == 0))
            return new(r.Description, scope, VerdictStatus.NoData, required, "无数据", "没有符合范围的创建点或社区", clause, null);

        var (value, basis, missing) = r.Aggregation switch
        {
            Aggregation.Pooled => Pooled(r.Metric, communities),
            Aggregation.Coverage => Coverage(r.Metric, communities, r.CoverageFloor!.Value),
            _ => Total(campaign, r, m, sites, communities, asOf),
        };
        var actual = $"{Format(unit, value, m)}（{basis}{(missing > 0 ? $"；其中 {missing} 个{(perCommunity ? "社区" : "创建点")}尚无数据，按 0 计" : "")}）";
        if (r.Comparator == Comparator.TrackOnly) return new(r.Description, scope, VerdictStatus.Tracked, required, actual, "", clause, null);
        var met = r.Comparator.Holds(value, r.Threshold);
        var gap = met ? "" : $"{r.Comparator.GapWord()} {Format(unit, Math.Abs(r.Threshold - value), m)}";
        return new(r.Description, scope, met ? VerdictStatus.Met : VerdictStatus.NotMet, required, actual, gap, clause, r.Comparator.Progress(value, r.Threshold));
    }

    /// <summary>A total, or a total divided by the communities or sites it is over.</summary>
    private static (decimal, string, int) Total(Campaign campaign, StandardRequirement r, MetricDefinition m, IReadOnlyList<SiteFacts> sites,
        IReadOnlyList<CommunityFacts> communities, DateOnly asOf)
    {
        decimal sum;
        int missing;
        if (m.Scopes.Contains(StandardScope.Community))
        {
            var values = communities.Select(c => CommunityCount(r.Metric, c)).ToList();
            (sum, missing) = (values.Sum(v => v ?? 0), values.Count(v => v is null));
        }
        else
        {
            var values = sites.Select(f => f.HasReport ? SiteValue(campaign, r.Metric, f, asOf) : null).ToList();
            (sum, missing) = (values.Sum(v => v ?? 0), values.Count(v => v is null));
        }
        var words = m.Unit == MeasureUnit.Flag ? "个创建点具备" : $"{m.UnitWord}{m.Noun}";
        return r.Aggregation switch
        {
            Aggregation.MeanPerCommunity => (communities.Count == 0 ? 0 : sum / communities.Count, $"合计 {Format(m.Unit, sum, m)} / {communities.Count} 个社区", missing),
            Aggregation.MeanPerSite => (sum / sites.Count, $"合计 {Format(m.Unit, sum, m)} / {sites.Count} 个创建点", missing),
            _ => (sum, $"{sites.Count} 个创建点合计{(m.Unit == MeasureUnit.Flag ? $" {sum:0} {words}" : "")}", missing),
        };
    }

    private static (decimal, string, int) Pooled(StandardMetric metric, IReadOnlyList<CommunityFacts> communities)
    {
        var pairs = communities.Select(c => CommunityShare(metric, c)).ToList();
        var counted = pairs.Where(p => p is { Whole: > 0 }).Select(p => p!.Value).ToList();
        long part = counted.Sum(p => (long)p.Part), whole = counted.Sum(p => (long)p.Whole);
        var m = MetricCatalogue.Of(metric);
        return (whole == 0 ? 0 : (decimal)part / whole, $"{part} {m.Noun} / {whole} {m.Denominator}", pairs.Count - counted.Count);
    }

    private static (decimal, string, int) Coverage(StandardMetric metric, IReadOnlyList<CommunityFacts> communities, decimal floor)
    {
        var m = MetricCatalogue.Of(metric);
        var reaching = communities.Count(c => m.Unit == MeasureUnit.Ratio
            ? CommunityShare(metric, c) is { Whole: > 0 } s && (decimal)s.Part / s.Whole >= floor
            : CommunityCount(metric, c) >= floor);
        var missing = communities.Count(c => m.Unit == MeasureUnit.Ratio ? CommunityShare(metric, c) is not { Whole: > 0 } : CommunityCount(metric, c) is null);
        var rule = m.Unit == MeasureUnit.Ratio ? $"{floor * 100:0.##}%" : $"{floor:0.##} {m.UnitWord}";
        return ((decimal)reaching / communities.Count, $"{reaching} / {communities.Count} 个社区达到 {rule}", missing);
    }

    private static int? CommunityCount(StandardMetric metric, CommunityFacts c) => metric switch
    {
        StandardMetric.CommitteeMembersTakingPart => c.CommitteeMembers,
        StandardMetric.CertifiedWorkersTakingPart => c.CertifiedWorkers,
        StandardMetric.VolunteerTeams => c.VolunteerTeams,
        StandardMetric.SocialOrganisationsPerCommunity => c.Organisations,
        _ => null,
    };

    private static (int Part, int Whole)? CommunityShare(StandardMetric metric, CommunityFacts c) => metric switch
    {
        StandardMetric.RegisteredVolunteerShare when c.RegisteredVolunteers is { } p && c.ResidentPopulation is { } w => (p, w),
        StandardMetric.ActiveVolunteerShare when c.ActiveVolunteers is { } p && c.RegisteredVolunteers is { } w => (p, w),
        StandardMetric.CertifiedWorkerShare when c.CertifiedCommunityWorkers is { } p && c.CommunityWorkers is { } w => (p, w),
        _ => null,
    };

    private static decimal? SiteValue(Campaign campaign, StandardMetric metric, SiteFacts f, DateOnly asOf) => metric switch
    {
        StandardMetric.CommunityFundEstablished => f.FundEstablished && f.FundCharityHasPublicFundraisingStatus ? 1 : 0,
        StandardMetric.CoveredCommunities => f.CoveredCommunities,
        StandardMetric.CharityFundsRaised => ComplianceEngine.FundraisingOf(campaign, f, asOf).RaisedFen,
        StandardMetric.StationAnnualFunding => f.Station?.AnnualFundingFen,
        _ => ComplianceEngine.SiteCount(metric, f),
    };

    private static string Format(MeasureUnit unit, decimal value, MetricDefinition m) => unit switch
    {
        // Never rounded onto the threshold: 21.995 % reads as such, not as 22 %.
        MeasureUnit.Ratio => $"{value * 100:0.00##}%",
        MeasureUnit.Fen => Money.FormatYuan((long)Math.Round(value)),
        _ when m.Unit == MeasureUnit.Flag => $"{value:0.##} 个",
        _ => $"{value:0.##} {m.UnitWord}",
    };
}
