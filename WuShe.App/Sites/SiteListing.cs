using WuShe.App.Excel;
using WuShe.Domain.Common;

namespace WuShe.App.Sites;

/// <summary>What a list of sites (创建点, 申报) is narrowed to — by the page as the user types, and by its export from the same query string.</summary>
public sealed record SiteListFilter(string? District = null, string? State = null, string? Tier = null, string? Search = null)
{
    public const int MaxSearchLength = 50;

    public IEnumerable<T> Apply<T>(IEnumerable<T> rows) where T : IListedSite
    {
        var search = Search?.Trim();
        if (search?.Length > MaxSearchLength) throw new DomainException($"搜索内容最多 {MaxSearchLength} 个字。");
        return rows.Where(r => (string.IsNullOrEmpty(District) || r.DistrictCode == District)
            && (string.IsNullOrEmpty(State) || r.State == State)
            && (string.IsNullOrEmpty(Tier) || r.Tier == Tier)
            && (string.IsNullOrEmpty(search) || r.Street.Contains(search, StringComparison.OrdinalIgnoreCase)));
    }

    public bool IsEmpty => string.IsNullOrEmpty(District) && string.IsNullOrEmpty(State) && string.IsNullOrEmpty(Tier) && string.IsNullOrWhiteSpace(Search);

    /// <summary>The export's address for this filter, e.g. <c>export/sites.xlsx?state=创建中</c>.</summary>
    public string ExportHref(string export) => export + QueryString.Create(new Dictionary<string, string?>
    {
        ["district"] = District, ["state"] = State, ["tier"] = Tier, ["q"] = Search?.Trim(),
    }.Where(p => !string.IsNullOrEmpty(p.Value)));

    /// <summary>The filter in words, for the export's title ("创建中、含“街道”").</summary>
    public string Describe() => string.Join("、", new[] { State, Tier, string.IsNullOrWhiteSpace(Search) ? null : $"含“{Search.Trim()}”" }
        .Where(s => !string.IsNullOrEmpty(s)));
}

/// <summary>The sites grid's columns, shared by the page and the export.</summary>
public static class SiteListColumns
{
    public static readonly IReadOnlyList<GridColumn<SiteListRow>> All =
    [
        new("区划", r => r.DistrictName, nameof(SiteListRow.DistrictName), "120px"),
        new("街镇", r => r.Street, nameof(SiteListRow.Street), "150px", Link: r => $"/sites/{r.Id}"),
        new("类别", r => r.Tier, nameof(SiteListRow.Tier), "140px"),
        new("市区联合创建点序号", r => r.JointSiteNumber, nameof(SiteListRow.JointSiteNumber), "120px", Numeric: true),
        new("状态", r => r.State, nameof(SiteListRow.State), "100px"),
        new("辐射社区数", r => r.Communities, nameof(SiteListRow.Communities), "100px", Numeric: true),
    ];
}

/// <summary>The applications grid's columns, shared by the page and the export.</summary>
public static class ApplicationListColumns
{
    public static readonly IReadOnlyList<GridColumn<ApplicationRow>> All =
    [
        new("区划", r => r.DistrictName, nameof(ApplicationRow.DistrictName), "100px"),
        new("街镇", r => r.Street == "" ? "（未填街镇）" : r.Street, nameof(ApplicationRow.Street), "140px", Link: r => $"/applications/{r.Id}"),
        new("类别", r => r.Tier, nameof(ApplicationRow.Tier), "120px"),
        new("状态", r => r.State, nameof(ApplicationRow.State), "80px"),
        new("社区数", r => r.Communities, nameof(ApplicationRow.Communities), "70px", Numeric: true),
        new("最近办理时间", r => r.LastAt is { } at ? ChinaTime.ToChina(at).ToString("yyyy-MM-dd HH:mm") : "", nameof(ApplicationRow.LastAt), "140px"),
        new("最近办理人", r => r.LastBy, nameof(ApplicationRow.LastBy), "120px"),
        new("退回理由", r => r.ReturnReason, nameof(ApplicationRow.ReturnReason)),
    ];
}
