using WuShe.Domain.Sites;

namespace WuShe.Domain.Campaigns;

/// <summary>
/// 节点进度 (二): one milestone for one scope (a district or the city) — sites that meet every standard of 三 (accepted
/// sites included) against the street quota. Before the due date the figure is today's (a projection); from the day
/// after, the verdict is the one of the due date itself and no later completion changes it. The one definition used by
/// the alerts, the dashboards and the PDFs.
/// </summary>
public sealed record MilestoneProgress(DateOnly DueDate, decimal Required, string Description, string Clause, DateOnly JudgedOn,
    int CompleteSites, int Tasks, int DaysLeft)
{
    /// <summary>Sites whose completion counts: in creation or accepted (已结项 sites met the standards too).</summary>
    public static readonly IReadOnlyList<SiteState> Counted = SiteStates.InCreation.Append(SiteState.Accepted).ToList();

    public decimal Actual => Tasks == 0 ? 0 : (decimal)CompleteSites / Tasks;
    public bool Reached => Actual >= Required;
    public int SitesRequired => (int)Math.Ceiling(Required * Tasks);
    public int SitesShort => Math.Max(0, SitesRequired - CompleteSites);
    /// <summary>The due date has passed: the figure is the due date's, final.</summary>
    public bool Settled => DaysLeft < 0;
    /// <summary>"截至 2023-11-30（节点日）" or "截至 2024-05-20（当前，预计）".</summary>
    public string JudgedText => Settled ? $"截至 {JudgedOn:yyyy-MM-dd}（节点日）" : $"截至 {JudgedOn:yyyy-MM-dd}（当前，预计）";

    /// <summary>The day a milestone is judged on: its due date once it has passed, otherwise <paramref name="today"/>.</summary>
    public static DateOnly JudgedOnFor(Milestone m, DateOnly today) => m.DueDate < today ? m.DueDate : today;

    /// <summary>Every day whose completion the milestones need: today and each past due date.</summary>
    public static IReadOnlyList<DateOnly> DaysNeeded(IEnumerable<Milestone> milestones, DateOnly today) =>
        milestones.Select(m => JudgedOnFor(m, today)).Append(today).Distinct().Order().ToList();

    /// <param name="completeOn">How many of the scope's sites met every standard as of a day (one of <see cref="DaysNeeded"/>).</param>
    public static IReadOnlyList<MilestoneProgress> Of(IEnumerable<Milestone> milestones, DateOnly today, int tasks, Func<DateOnly, int> completeOn) =>
        milestones.OrderBy(m => m.DueDate).Select(m =>
        {
            var judged = JudgedOnFor(m, today);
            return new MilestoneProgress(m.DueDate, m.RequiredCompletionShare, m.Description, m.Clause, judged, completeOn(judged), tasks,
                m.DueDate.DayNumber - today.DayNumber);
        }).ToList();
}
