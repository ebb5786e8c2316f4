using WuShe.Domain.Common;

namespace WuShe.Domain.Campaigns;

/// <summary>筹款年度: what "每年" of 三（六） is counted over — campaign data, the notice does not say.</summary>
public enum FundraisingYearBasis
{
    /// <summary>自然年: 1 January to 31 December.</summary>
    CalendarYear,
    /// <summary>项目年度: twelve months from the month the site starts creation (its first reporting month).</summary>
    ProjectYear,
}

/// <summary>
/// One fundraising year of a site: the window a "每年 ≥ 下限" of 三（六） is judged over. Year 1 is the one holding the
/// site's start of creation and also takes what was received before it; the pace is the floor pro rata to the whole
/// months of the year that have passed. The one definition used by the verdict, the alerts, the site panel and PDFs.
/// </summary>
public sealed record FundraisingYear(FundraisingYearBasis Basis, int Number, DateOnly Start, DateOnly End)
{
    public static string BasisLabel(FundraisingYearBasis basis) => basis == FundraisingYearBasis.CalendarYear ? "自然年" : "项目年度";

    /// <summary>"2024 年（自然年）" or "第 1 项目年度（2023-07-01 至 2024-06-30）".</summary>
    public string Label => Basis == FundraisingYearBasis.CalendarYear
        ? $"{Start.Year} 年（自然年）"
        : $"第 {Number} 项目年度（{Start:yyyy-MM-dd} 至 {End:yyyy-MM-dd}）";

    /// <summary>Short name for a heading or an alert title: "2024 年" or "第 1 项目年度".</summary>
    public string ShortLabel => Basis == FundraisingYearBasis.CalendarYear ? $"{Start.Year} 年" : $"第 {Number} 项目年度";

    /// <summary>Stable key of the year for alerts: "2024" or "2023-07".</summary>
    public string Key => Basis == FundraisingYearBasis.CalendarYear ? Start.Year.ToString() : $"{Start:yyyy-MM}";

    /// <summary>The year containing <paramref name="day"/> for a site starting creation on <paramref name="creationStart"/>;
    /// a day before the start belongs to year 1.</summary>
    public static FundraisingYear Containing(FundraisingYearBasis basis, DateOnly creationStart, DateOnly day)
    {
        var first = First(basis, creationStart);
        var number = day <= first.End ? 1 : 1 + (MonthIndex(day) - MonthIndex(first.Start)) / 12;
        return Numbered(basis, first.Start, number);
    }

    /// <summary>Every year from year 1 to the one containing <paramref name="day"/>.</summary>
    public static IReadOnlyList<FundraisingYear> Through(FundraisingYearBasis basis, DateOnly creationStart, DateOnly day)
    {
        var first = First(basis, creationStart);
        var last = Containing(basis, creationStart, day).Number;
        return Enumerable.Range(1, last).Select(n => Numbered(basis, first.Start, n)).ToList();
    }

    /// <summary>The year before this one, or null for year 1.</summary>
    public FundraisingYear? Previous => Number == 1 ? null : Numbered(Basis, Start.AddMonths(-12 * (Number - 1)), Number - 1);

    /// <summary>Whole months of this year passed by <paramref name="day"/> (0–12).</summary>
    public int MonthsPassedBy(DateOnly day) => Math.Clamp(MonthIndex(day) - MonthIndex(Start), 0, 12);

    /// <summary>What was raised in this year from amounts by month (yyyyMM); year 1 includes every earlier month.</summary>
    public long RaisedFen(IReadOnlyDictionary<int, long> fenByMonth) => fenByMonth
        .Where(m => (Number == 1 || m.Key >= MonthKey(Start)) && m.Key <= MonthKey(End)).Sum(m => m.Value);

    /// <summary>The month key (yyyyMM) a date falls in.</summary>
    public static int MonthKey(DateOnly day) => day.Year * 100 + day.Month;

    private static FundraisingYear First(FundraisingYearBasis basis, DateOnly creationStart)
    {
        var start = basis == FundraisingYearBasis.CalendarYear ? new DateOnly(creationStart.Year, 1, 1) : new DateOnly(creationStart.Year, creationStart.Month, 1);
        return new(basis, 1, start, start.AddMonths(12).AddDays(-1));
    }

    private static FundraisingYear Numbered(FundraisingYearBasis basis, DateOnly firstStart, int number)
    {
        var start = firstStart.AddMonths(12 * (number - 1));
        return new(basis, number, start, start.AddMonths(12).AddDays(-1));
    }

    private static int MonthIndex(DateOnly day) => day.Year * 12 + day.Month - 1;
}

/// <summary>
/// A site's fundraising in the year containing <see cref="AsOf"/> against its floor (三（六）): raised, the floor, and the
/// pace (floor × whole months passed / 12). The completion verdict and the pace alert both read it.
/// </summary>
public sealed record FundraisingStanding(FundraisingYear Year, long RaisedFen, long? FloorFen, DateOnly AsOf)
{
    public int MonthsPassed => Year.MonthsPassedBy(AsOf);
    public long ExpectedFen => FloorFen is { } floor ? floor * MonthsPassed / 12 : 0;
    public bool FloorReached => FloorFen is { } floor && RaisedFen >= floor;
    /// <summary>Below the pro-rata share of the floor after at least one whole month: the pace alert fires.</summary>
    public bool BehindPace => FloorFen is not null && MonthsPassed > 0 && RaisedFen < ExpectedFen;

    /// <summary>The year had ended by <see cref="AsOf"/>'s next day: its total is final.</summary>
    public bool Closed => AsOf >= Year.End;

    /// <summary>The pace in words: "按已过 5 个月的进度应筹 20,833.33 元，进度正常", or "本年度刚开始" before a whole month has passed.</summary>
    public string PaceText => MonthsPassed == 0 ? "本年度刚开始"
        : $"按已过 {MonthsPassed} 个月的进度应筹 {Money.FormatYuan(ExpectedFen)}，{(BehindPace ? "进度滞后" : "进度正常")}";

    /// <summary>The verdict in words, with the numbers: "达标", "还差 1.5 万元（按已过 5 个月的进度应筹 …）", "尚未筹款".</summary>
    public string Verdict => FloorFen switch
    {
        { } floor when RaisedFen >= floor => "达标",
        { } floor when Closed => $"未达标，差 {Money.FormatYuan(floor - RaisedFen)}",
        { } floor => $"还差 {Money.FormatYuan(floor - RaisedFen)}（{PaceText}）",
        null => RaisedFen > 0 ? "达标（额度不做限定）" : "尚未筹款",
    };

    public static FundraisingStanding Of(FundraisingYear year, IReadOnlyDictionary<int, long> fenByMonth, long? floorFen, DateOnly asOf) =>
        new(year, year.RaisedFen(fenByMonth), floorFen, asOf);
}
