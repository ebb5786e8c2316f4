namespace WuShe.Domain.Campaigns;

/// <summary>
/// 区划代码: a district's identifier in its campaign — a 6-digit GB/T 2260 code (120101 和平区), or for a functional zone that
/// has none (两江新区, 高新区) a campaign-local code of letters and digits beginning with a letter (LJXQ, GXQ-1).
/// </summary>
public static class DistrictCode
{
    public static bool IsAdministrative(string code) => code.Length == 6 && code.All(char.IsAsciiDigit);

    public static bool IsCampaignLocal(string code) => code.Length is >= 2 and <= 16 && char.IsAsciiLetter(code[0])
        && code.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-');

    /// <summary>Why a code cannot identify a district; null when it can.</summary>
    public static string? Problem(string? code) => string.IsNullOrWhiteSpace(code)
        ? "缺少区划代码（6 位 GB/T 2260 代码，或功能区的活动内代码，如 LJXQ）"
        : IsAdministrative(code) || IsCampaignLocal(code) ? null
        : $"“{code}”不是有效的区划代码：应为 6 位数字（GB/T 2260），或以字母开头、由字母数字组成的活动内代码（2—16 位，如 LJXQ）";
}
