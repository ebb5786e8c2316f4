using WuShe.App.Excel;
using WuShe.Domain.Common;

namespace WuShe.App.Alerts;

/// <summary>The alert centre's export columns: what each card shows, one alert a row.</summary>
public static class AlertColumns
{
    /// <summary>At most this many alerts in one export (系统设定); a filter narrows a larger set.</summary>
    public const int MaxExported = 100_000;

    public static readonly IReadOnlyList<GridColumn<AlertView>> All =
    [
        new("级别", a => a.SeverityLabel), new("规则", a => a.Rule), new("范围", a => a.Scope), new("区", a => a.District ?? ""),
        new("期间", a => a.Period), new("预警", a => a.Title), new("数据", a => a.Numbers), new("依据", a => a.Clause),
        new("状态", a => a.StateLabel), new("首次发现", a => Time(a.FirstSeen)), new("最近发现", a => Time(a.LastSeen)),
        new("解除时间", a => a.ResolvedAt is { } r ? Time(r) : ""), new("知悉人", a => a.AcknowledgedBy), new("处理说明", a => a.AcknowledgeNote),
    ];

    private static string Time(DateTimeOffset at) => ChinaTime.ToChina(at).ToString("yyyy-MM-dd HH:mm");
}
