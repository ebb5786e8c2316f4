namespace WuShe.Domain.Progress;

/// <summary>填报期: a site's reporting periods from 开始创建, which of them still lack a submitted report, and when each is due.</summary>
public static class ReportingPeriods
{
    /// <summary>The first day of the period that holds <paramref name="day"/> (periods of <paramref name="months"/> months from January).</summary>
    public static DateOnly StartContaining(DateOnly day, int months) => new(day.Year, (day.Month - 1) / months * months + 1, 1);

    /// <summary>Every period from <paramref name="reportingFrom"/> through the one holding <paramref name="today"/> without a submitted report, oldest first.</summary>
    public static IEnumerable<UnsubmittedPeriod> Unsubmitted(DateOnly reportingFrom, int months, int dueDays, IReadOnlySet<DateOnly> submitted, DateOnly today)
    {
        for (var start = reportingFrom; start <= today; start = start.AddMonths(months))
            if (!submitted.Contains(start))
                yield return new(start, start.AddMonths(months).AddDays(-1), start.AddMonths(months).AddDays(-1 + dueDays));
    }
}

/// <summary>A period whose report is not submitted, and the last day it may be submitted on time.</summary>
public sealed record UnsubmittedPeriod(DateOnly Start, DateOnly End, DateOnly DueOn)
{
    public bool OverdueOn(DateOnly today) => DueOn < today;
    public int DaysLate(DateOnly today) => today.DayNumber - DueOn.DayNumber;
    public string Label(int months) => ProgressReport.LabelOf(Start.Year, Start.Month, months);
}
