using WuShe.Domain.Progress;
using WuShe.Domain.Sites;

namespace WuShe.Domain.Compliance;

/// <summary>
/// Builds a site's facts as of a date from its submitted reports: figures from the latest report whose period has
/// begun by then; entries dated up to then from all of them; active volunteers from the latest report of that year.
/// </summary>
public static class SiteFactsBuilder
{
    public static SiteFacts Build(Site site, IEnumerable<ProgressReport> reports, DateOnly asOf)
    {
        var submitted = reports.Where(r => r.SiteId == site.Id && r.State == ReportState.Submitted && r.PeriodStart <= asOf)
            .OrderBy(r => r.PeriodStart).ToList();
        var names = site.Communities.OrderBy(c => c.SortOrder).ToList();
        var approvedOn = Common.ChinaTime.DateOf(site.ApprovedAt);
        if (submitted.Count == 0) return SiteFacts.NoReports(site.Tier, site.JointSiteNumber, names.Select(c => c.Name).ToList(), approvedOn);

        var latest = submitted[^1];
        var latestThisYear = submitted.LastOrDefault(r => r.PeriodYear == asOf.Year);
        var activities = submitted.SelectMany(r => r.Activities).Where(a => a.HeldOn <= asOf).ToList();
        var promotions = submitted.SelectMany(r => r.Promotions).Where(p => p.PublishedOn <= asOf).ToList();
        var organisations = submitted.SelectMany(r => r.Organisations).Where(o => o.CultivatedOn <= asOf).ToList();
        var donations = submitted.SelectMany(r => r.Donations)
            .Select(d => (Day: Common.ChinaTime.DateOf(d.ReceivedAt), d.AmountFen)).Where(d => d.Day <= asOf);

        return new SiteFacts(site.Tier, site.JointSiteNumber, names.Count, true,
            latest.FullTimeSocialWorkers, latest.FundEstablished, latest.FundCharityHasPublicFundraisingStatus, latest.FundCharity,
            latest.FundSetUpOn,
            names.Select(c =>
            {
                var now = latest.Communities.FirstOrDefault(x => x.CommunityId == c.Id);
                var year = latestThisYear?.Communities.FirstOrDefault(x => x.CommunityId == c.Id);
                return new CommunityFacts(c.Name, now?.CommitteeMembers, now?.CertifiedWorkers, now?.VolunteerTeams,
                    now?.ResidentPopulation, now?.RegisteredVolunteers, year?.ActiveVolunteers, c.Kind, now?.CommunityWorkers, now?.CertifiedCommunityWorkers,
                    organisations.Count(o => o.CommunityId == c.Id));
            }).ToList(),
            organisations.Count,
            activities.Count,
            activities.Sum(a => a.Beneficiaries),
            promotions.Count(p => p.Kind == PromotionKind.Research),
            promotions.Count(p => p.Kind == PromotionKind.CaseWriteUp),
            promotions.Count(p => p.Kind == PromotionKind.MediaReport),
            donations.GroupBy(d => Campaigns.FundraisingYear.MonthKey(d.Day)).ToDictionary(g => g.Key, g => g.Sum(d => d.AmountFen)),
            approvedOn, latest.Station);
    }
}
