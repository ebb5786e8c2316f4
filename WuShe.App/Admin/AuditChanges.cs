using System.Text.Json;
using WuShe.App.Sites;

namespace WuShe.App.Admin;

public static class AuditChanges
{
    public static IReadOnlyList<FieldChange> Parse(string json) =>
        JsonSerializer.Deserialize<List<FieldChange>>(json, AuditJson.Options) ?? new List<FieldChange>();
}
