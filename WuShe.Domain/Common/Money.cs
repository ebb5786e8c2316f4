using System.Globalization;

namespace WuShe.Domain.Common;

/// <summary>Money is kept as integer 分 (fen); 1 元 = 100 分.</summary>
public static class Money
{
    /// <summary>No amount the system takes is larger (系统设定: one donation of more than 1 亿元 is a typo or an attack).</summary>
    public const decimal MaxYuan = 100_000_000m;

    public static long FenFromYuan(decimal yuan)
    {
        if (Math.Abs(yuan) > MaxYuan)
            throw new DomainException($"金额 {yuan:#,##0.##} 元超过每笔上限 {MaxYuan:#,##0} 元（系统设定）。");
        var fen = yuan * 100m;
        if (fen != decimal.Truncate(fen))
            throw new DomainException($"金额 {yuan} 元超出两位小数，请精确到分。");
        return (long)fen;
    }

    /// <summary>The amount in 元, e.g. for a number cell in Excel.</summary>
    public static decimal ToYuan(long fen) => fen / 100m;

    /// <summary>"50,000.00 元".</summary>
    public static string FormatYuan(long fen) =>
        ToYuan(fen).ToString("#,##0.00", CultureInfo.InvariantCulture) + " 元";
}
