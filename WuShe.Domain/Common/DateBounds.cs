namespace WuShe.Domain.Common;

/// <summary>
/// 日期范围（系统设定）: the days the system reasons about. A date outside them is a typo or a probe; arithmetic on it
/// (years, months, 9999-12-31 + 1 day) would fail, so it is refused with the field named.
/// </summary>
public static class DateBounds
{
    public static readonly DateOnly Earliest = new(2000, 1, 1), Latest = new(2100, 12, 31);

    public static bool Contains(DateOnly day) => day >= Earliest && day <= Latest;

    /// <summary>The day itself, or a field error naming <paramref name="field"/> (<paramref name="label"/> in Chinese).</summary>
    public static DateOnly? Checked(DateOnly? day, string field, string label) =>
        day is not { } d || Contains(d) ? day
            : throw new FieldValidationException(new[] { new FieldError(field, $"{label}应在 {Earliest:yyyy-MM-dd} 至 {Latest:yyyy-MM-dd} 之间（系统设定），实际为 {d:yyyy-MM-dd}。") });
}
