using System.Collections;
using Microsoft.AspNetCore.Components.Forms;

namespace WuShe.App.Components;

/// <summary>
/// The domain names a wrong field by its path in the model ("Communities[1].Name"); a form shows it at the typed field
/// (<c>() =&gt; row.Name</c>). This walks the path through the form model to the object and property it names.
/// </summary>
public static class FieldPaths
{
    /// <summary>The field the path names, or a field of the model named by the whole path when the path leads nowhere
    /// (a row since removed): such a message is still shown in the form's summary.</summary>
    /// <param name="aliases">Properties the form names differently from the domain (AmountFen → AmountYuan).</param>
    public static FieldIdentifier Resolve(object model, string path, IReadOnlyDictionary<string, string>? aliases = null)
    {
        object? owner = model;
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var (name, index, keyed) = Parse(segments[i]);
            if (keyed && index is null) break;                  // an entry by key ("Scores[d1]"): named by the whole path
            if (aliases?.GetValueOrDefault(name) is { } alias) name = alias;
            if (i == segments.Length - 1 && index is null && owner is not null && owner.GetType().GetProperty(name) is not null)
                return new FieldIdentifier(owner, name);
            var value = owner?.GetType().GetProperty(name)?.GetValue(owner);
            owner = index is { } at ? value is IList list && at < list.Count ? list[at] : null : value;
            if (owner is null) break;
        }
        return new FieldIdentifier(model, path);
    }

    private static (string Name, int? Index, bool Keyed) Parse(string segment)
    {
        var open = segment.IndexOf('[');
        return open < 0 ? (segment, null, false) : (segment[..open], int.TryParse(segment[(open + 1)..^1], out var i) ? i : null, true);
    }
}
