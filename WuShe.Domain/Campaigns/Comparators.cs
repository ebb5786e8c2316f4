namespace WuShe.Domain.Campaigns;

/// <summary>How a comparator reads and decides: 不少于 ≥, 超过 >, 不超过 ≤, 少于 <, 等于 =.</summary>
public static class Comparators
{
    /// <summary>The comparators that compare a number with a threshold (not 必须具备, not 仅统计).</summary>
    public static readonly IReadOnlyList<Comparator> Numeric =
        [Comparator.AtLeast, Comparator.MoreThan, Comparator.AtMost, Comparator.LessThan, Comparator.EqualTo];

    public static bool Holds(this Comparator c, decimal actual, decimal threshold) => c switch
    {
        Comparator.AtLeast => actual >= threshold,
        Comparator.MoreThan => actual > threshold,
        Comparator.AtMost => actual <= threshold,
        Comparator.LessThan => actual < threshold,
        Comparator.EqualTo => actual == threshold,
        Comparator.IsTrue => actual >= 1,
        _ => true,
    };

    public static string Symbol(this Comparator c) => c switch
    {
        Comparator.AtLeast => "≥",
        Comparator.MoreThan => ">",
        Comparator.AtMost => "≤",
        Comparator.LessThan => "<",
        Comparator.EqualTo => "=",
        Comparator.IsTrue => "必须具备",
        _ => "仅统计",
    };

    /// <summary>Whether a bigger number is better (≥, >): a shortfall is "还差"; otherwise an excess is "超出".</summary>
    public static bool IsFloor(this Comparator c) => c is Comparator.AtLeast or Comparator.MoreThan;

    /// <summary>How a rule not met says its distance: "还差" below a floor, "相差" off an exact number, "超出" over a ceiling.</summary>
    public static string GapWord(this Comparator c) => c.IsFloor() ? "还差" : c == Comparator.EqualTo ? "相差" : "超出";

    /// <summary>
    /// The whole-number distance to meeting the rule (0 when met): for ≥ the shortfall, for > one past it, for ≤ and &lt; the
    /// excess, for = the difference either way.
    /// </summary>
    public static int WholeGap(this Comparator c, decimal actual, decimal threshold) => (int)Math.Max(0, c switch
    {
        Comparator.AtLeast => Math.Ceiling(threshold) - actual,
        Comparator.MoreThan => Math.Floor(threshold) + 1 - actual,
        Comparator.AtMost => actual - Math.Floor(threshold),
        Comparator.LessThan => actual - (Math.Ceiling(threshold) - 1),
        Comparator.EqualTo => Math.Abs(actual - threshold),
        _ => 0,
    });

    /// <summary>How far along a rule is, 0–1, for progress bars: the share of a floor reached, or the ceiling over the actual.</summary>
    public static decimal Progress(this Comparator c, decimal actual, decimal threshold)
    {
        if (c.Holds(actual, threshold)) return 1;
        if (c.IsFloor()) return threshold <= 0 ? 0 : Math.Clamp(actual / threshold, 0, 1);
        return actual <= 0 ? 0 : Math.Clamp(threshold / actual, 0, 1);
    }
}
