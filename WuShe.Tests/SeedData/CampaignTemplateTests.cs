using WuShe.App.Data.Seeding;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Compliance;
using WuShe.Domain.Sites;

namespace WuShe.Tests.SeedData;

/// <summary>
/// Every template under seed-data/templates (table-driven over the folders, so a new template is tested too): it loads
/// through the strict reader, becomes a campaign, has a README, and for each of its rules a generated site (or district,
/// or city) that just meets it passes and one that just misses it fails.
/// </summary>
public class CampaignTemplateTests
{
    private static readonly DateOnly AsOf = new(2024, 6, 30);
    private static string TemplatesRoot => Path.Combine(AppContext.BaseDirectory, "seed-data", "templates");

    public static TheoryData<string> Templates()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(TemplatesRoot).Order()) data.Add(Path.GetFileName(folder));
        return data;
    }

    public static TheoryData<string, int, int> Rules()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var folder in Directory.GetDirectories(TemplatesRoot).Order())
        {
            var campaign = CampaignSeedReader.Read(folder).Campaign;
            foreach (var s in campaign.Standards)
                for (var i = 0; i < s.Requirements.Count; i++) data.Add(Path.GetFileName(folder), s.Number, i);
        }
        return data;
    }

    private static Campaign Load(string template) => CampaignSeeder.ToCampaign(CampaignSeedReader.Read(Path.Combine(TemplatesRoot, template)).Campaign);

    [Fact]
    public void The_four_other_policy_documents_ship_as_templates()
    {
        var names = Templates().Cast<object[]>().Select(t => (string)t[0]).ToList();
        Assert.Equal(["chongqing-2022", "liangjiang-2020", "meixian-2022", "shushan-2019"], names);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void A_template_loads_validates_and_says_what_it_cannot_express(string template)
    {
        var campaign = Load(template);
        Assert.NotEmpty(campaign.Standards);
        Assert.All(campaign.Standards.SelectMany(s => s.Requirements), r => Assert.False(string.IsNullOrWhiteSpace(r.ClauseText)));
        var descriptions = campaign.Standards.SelectMany(s => s.Requirements).Select(r => r.Description).ToList();
        Assert.Equal(descriptions.Count, descriptions.Distinct().Count());
        var readme = File.ReadAllText(Path.Combine(TemplatesRoot, template, "README.md"));
        Assert.Contains(campaign.DocumentNumber, readme);
        Assert.Contains("尚不能表达", readme);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Each_rule_passes_a_site_that_just_meets_it_and_fails_one_that_just_misses_it(string template, int standard, int index)
    {
        var campaign = Load(template);
        var rule = campaign.Standards.Single(s => s.Number == standard).Requirements[index];
        if (rule.Comparator == Comparator.TrackOnly)
        {
            Assert.All(Judge(campaign, rule, Generated(rule, rule.Threshold, meets: true), AsOf), v => Assert.Equal(VerdictStatus.Tracked, v));
            return;
        }
        Assert.All(Judge(campaign, rule, Generated(rule, rule.Threshold, meets: true), AsOf), v => Assert.Equal(VerdictStatus.Met, v));
        Assert.All(Judge(campaign, rule, Generated(rule, rule.Threshold, meets: false), AsOf), v => Assert.Equal(VerdictStatus.NotMet, v));
        // A number that rises with the years is judged by the year's own number from that year on.
        foreach (var year in rule.ThresholdsByYear)
        {
            var day = new DateOnly(year.FromYear, 12, 31);
            Assert.All(Judge(campaign, rule, Generated(rule, year.Threshold, meets: true), day), v => Assert.Equal(VerdictStatus.Met, v));
            Assert.All(Judge(campaign, rule, Generated(rule, year.Threshold, meets: false), day), v => Assert.Equal(VerdictStatus.NotMet, v));
        }
    }

    /// <summary>The whole numbers just meeting and just missing a rule (a ratio's are found at a denominator of 1000).</summary>
    private static (decimal Meet, decimal Miss) Boundary(Comparator c, decimal t) => c switch
    {
        Comparator.AtLeast => (Math.Ceiling(t), Math.Ceiling(t) - 1),
        Comparator.MoreThan => (Math.Floor(t) + 1, Math.Floor(t)),
        Comparator.AtMost => (Math.Floor(t), Math.Floor(t) + 1),
        Comparator.LessThan => (Math.Ceiling(t) - 1, Math.Ceiling(t)),
        Comparator.EqualTo => (t, t + 1),
        _ => (1, 0),                                                   // 必须具备
    };

    private static List<VerdictStatus> Judge(Campaign campaign, StandardRequirement rule, IReadOnlyList<SiteFacts> sites, DateOnly asOf)
    {
        var statuses = rule.IsAggregate
            ? AggregateEngine.Evaluate(campaign, sites.Select(f => new DistrictSiteFacts(1, f)).ToList(), [(1, "甲区")], asOf)
                .Where(v => v.Verdict.Description == rule.Description).Select(v => v.Verdict.Status).ToList()
            : sites.SelectMany(f => ComplianceEngine.Evaluate(campaign, f, asOf).Standards.SelectMany(s => s.Requirements))
                .Where(v => v.Description == rule.Description).Select(v => v.Status).ToList();
        Assert.NotEmpty(statuses);
        return statuses;
    }

    /// <summary>
    /// Sites whose figure for the rule's metric — per site, per community, or combined over the district or city as the
    /// rule combines it — just meets (or just misses) the rule: a ratio's numerator at a denominator of 1000, a coverage's
    /// communities out of 100.
    /// </summary>
    private static IReadOnlyList<SiteFacts> Generated(StandardRequirement rule, decimal threshold, bool meets)
    {
        decimal Pick(decimal threshold) => Boundary(rule.Comparator, threshold) is var b && meets ? b.Meet : b.Miss;
        var m = MetricCatalogue.Of(rule.Metric);
        var kind = rule.ForCommunities ?? CommunityKind.UrbanCommunity;
        if (rule.Aggregation == Aggregation.Coverage)
        {
            var floor = (int)Math.Ceiling(rule.CoverageFloor!.Value * (m.Unit == MeasureUnit.Ratio ? 1000 : 1));
            var reaching = (int)Pick(threshold * 100);
            return [Site(rule, Enumerable.Range(0, 100).Select(i => Community(rule.Metric, i < reaching ? floor : 0, kind)).ToList())];
        }
        if (m.Unit == MeasureUnit.Ratio) return [Site(rule, [Community(rule.Metric, (int)Pick(threshold * 1000), kind)])];
        var value = Pick(threshold);
        if (m.Scopes.Contains(StandardScope.Community)) return [Site(rule, [Community(rule.Metric, (int)value, kind)])];
        if (m.Unit == MeasureUnit.Flag && rule.IsAggregate)                // a total of the sites having it, one more without
            return Enumerable.Range(0, (int)value + 1).Select(i => SiteWith(rule, i < value ? 1 : 0)).ToList();
        return [SiteWith(rule, value)];
    }

    private static SiteFacts SiteWith(StandardRequirement rule, decimal value)
    {
        var f = Site(rule, [Community(StandardMetric.VolunteerTeams, 0, CommunityKind.UrbanCommunity)]);
        var v = (int)value;
        return rule.Metric switch
        {
            StandardMetric.CommunityFundEstablished => f with { FundEstablished = v >= 1, FundCharityHasPublicFundraisingStatus = v >= 1 },
            StandardMetric.FullTimeSocialWorkers => f with { FullTimeSocialWorkers = v },
            StandardMetric.CoveredCommunities => f with { CoveredCommunities = v },
            StandardMetric.SpecialHardshipServiceActivities => f with { SpecialHardshipActivities = v },
            StandardMetric.CommunitySocialOrganisations => f with { Organisations = v },
            StandardMetric.ResearchTopics => f with { ResearchTopics = v },
            StandardMetric.CaseWriteUps => f with { CaseWriteUps = v },
            StandardMetric.MediaReports => f with { MediaReports = v },
            StandardMetric.CharityFundsRaised => f with { FundraisingFenByMonth = new Dictionary<int, long> { [AsOf.Year * 100 + AsOf.Month] = (long)value } },
            StandardMetric.StationFloorArea => f with { Station = new(v, null, null) },
            StandardMetric.StationStaff => f with { Station = new(null, v, null) },
            StandardMetric.StationAnnualFunding => f with { Station = new(null, null, (long)value) },
            var other => throw new InvalidOperationException($"没有为指标 {other} 生成创建点数据的方法。"),
        };
    }

    private static SiteFacts Site(StandardRequirement rule, IReadOnlyList<CommunityFacts> communities)
    {
        var (tier, number) = rule.AppliesTo.Kind == SiteSelectorKind.JointSites
            ? (SiteTier.CityDistrictJoint, rule.AppliesTo.FromJointNumber) : (SiteTier.DistrictLevel, (int?)null);
        return new(tier, number, communities.Count, true, 0, false, false, "", null, communities, 0, 0, 0, 0, 0, 0,
            new Dictionary<int, long>(), new DateOnly(2023, 1, 1));
    }

    private static CommunityFacts Community(StandardMetric metric, int value, CommunityKind kind) => metric switch
    {
        StandardMetric.CommitteeMembersTakingPart => new("甲社区", value, 0, 0, 1000, 0, 0, kind),
        StandardMetric.CertifiedWorkersTakingPart => new("甲社区", 0, value, 0, 1000, 0, 0, kind),
        StandardMetric.VolunteerTeams => new("甲社区", 0, 0, value, 1000, 0, 0, kind),
        StandardMetric.RegisteredVolunteerShare => new("甲社区", 0, 0, 0, 1000, value, value, kind),
        StandardMetric.ActiveVolunteerShare => new("甲社区", 0, 0, 0, 1000, 1000, value, kind),
        StandardMetric.SocialOrganisationsPerCommunity => new("甲社区", 0, 0, 0, 1000, 0, 0, kind, Organisations: value),
        StandardMetric.CertifiedWorkerShare => new("甲社区", 0, 0, 0, 1000, 0, 0, kind, CommunityWorkers: 1000, CertifiedCommunityWorkers: value),
        var other => throw new InvalidOperationException($"没有为社区指标 {other} 生成数据的方法。"),
    };
}
