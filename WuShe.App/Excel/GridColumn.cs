using Microsoft.AspNetCore.Components;

namespace WuShe.App.Excel;

/// <summary>
/// A grid's column, defined once: the page renders it (<see cref="Components.ColumnsGrid{T}"/>) and the Excel export writes it,
/// so what is exported is what is shown.
/// </summary>
/// <param name="Value">The cell's value (a number stays a number in Excel).</param>
/// <param name="Property">The row property the grid sorts by, if sortable.</param>
/// <param name="Link">Where the cell links to on the page (not in Excel).</param>
/// <param name="Verbatim">Data shown as it is, not translated (user names, codes).</param>
public sealed record GridColumn<T>(string Title, Func<T, object?> Value, string? Property = null, string? Width = null,
    Func<T, string>? Link = null, bool Verbatim = false, bool Numeric = false)
{
    /// <summary>How the page shows the cell when plain text is not enough (a badge, dots, two lines); Excel keeps <see cref="Value"/>.</summary>
    public RenderFragment<T>? Cell { get; init; }

    /// <summary>The column's total under the grid (合计).</summary>
    public Func<IReadOnlyList<T>, object?>? Footer { get; init; }

    /// <summary>In the workbook only: detail the page shows another way (the met standards, which the page shows as dots).</summary>
    public bool ExportOnly { get; init; }

    public string Text(T row) => Value(row) switch
    {
        null => "",
        decimal d => d.ToString("N2"),
        var v => v.ToString() ?? "",
    };
}

public static class GridColumns
{
    /// <summary>The rows as one sheet with the columns' titles and values (no totals' row: the sheet stays sortable and filterable).</summary>
    public static XlsxSheet Sheet<T>(this IReadOnlyList<GridColumn<T>> columns, string name, IEnumerable<T> rows) =>
        new(name, columns.Select(c => c.Title).ToList(), rows.Select(r => (IReadOnlyList<object?>)columns.Select(c => c.Value(r)).ToList()));
}
