namespace WuShe.Domain.Common;

/// <summary>The one source of "now" for every rule, so a campaign can be replayed at a configured date.</summary>
public interface IClock
{
    DateTimeOffset Now { get; }
}

public static class ChinaTime
{
    /// <summary>Asia/Shanghai: the campaign's dates are calendar dates in China.</summary>
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTimeOffset ToChina(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The calendar date in China of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToChina(instant).DateTime);

    public static DateOnly? DateOf(DateTimeOffset? instant) => instant is { } at ? DateOf(at) : null;

    public static DateOnly Today(IClock clock) => DateOf(clock.Now);
}
