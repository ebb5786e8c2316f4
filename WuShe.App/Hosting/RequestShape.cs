using System.Collections;
using System.Reflection;
using System.Text.Json;
using WuShe.Domain.Common;

namespace WuShe.App.Hosting;

/// <summary>
/// The format bounds of every JSON body the API takes, checked before a command runs: no null where the type has no
/// null (a list, a list item, a text), no text longer than <see cref="MaxText"/>, no list longer than
/// <see cref="MaxItems"/>. Policy bounds (amounts, dates, counts) stay in the domain; this only keeps malformed shapes
/// from reaching it. A refusal is a 400 naming the field by its JSON path, e.g. <c>details.communities[0]</c>.
/// </summary>
public sealed class RequestShape : IEndpointFilter
{
    public const int MaxText = 10_000, MaxItems = 2_000, MaxDepth = 8;
    private static readonly NullabilityInfoContext Nullability = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = new List<FieldError>();
        var parameters = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<System.Reflection.MethodInfo>()?.GetParameters();
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            var argument = context.Arguments[i];
            if (argument is null || !IsBodyType(argument.GetType())) continue;
            Check(argument, Camel(parameters?.ElementAtOrDefault(i)?.Name ?? ""), errors, 0);
        }
        if (errors.Count == 0) return await next(context);
        return Results.Json(new { error = $"请求内容有 {errors.Count} 处格式不正确：" + string.Join("；", errors.Take(10).Select(e => e.Message)), fields = errors },
            statusCode: StatusCodes.Status400BadRequest);
    }

    /// <summary>Records of the app and the domain; framework types (HttpContext, services) are never request bodies.</summary>
    private static bool IsBodyType(Type type) => type.Namespace?.StartsWith("WuShe.") == true && !type.IsAbstract
        && type.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null && !typeof(IDisposable).IsAssignableFrom(type)
        && type.GetMethod("<Clone>$") is not null; // a record: what the API binds bodies to

    public static IReadOnlyList<FieldError> Check(object value, string path)
    {
        var errors = new List<FieldError>();
        Check(value, path, errors, 0);
        return errors;
    }

    private static void Check(object value, string path, List<FieldError> errors, int depth)
    {
        if (depth > MaxDepth) { errors.Add(new(path, $"{Name(path)}嵌套过深。")); return; }
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is null || property.Name == "EqualityContract") continue;
            if (property.SetMethod is null && !IsPositional(property)) continue; // computed, not bound from JSON
            var field = Join(path, Camel(property.Name));
            var info = Nullability.Create(property);
            var item = property.GetValue(value);
            CheckValue(item, field, info.ReadState, info.ElementType ?? info.GenericTypeArguments.FirstOrDefault(), property.PropertyType, errors, depth);
        }
    }

    private static void CheckValue(object? item, string field, NullabilityState state, NullabilityInfo? element, Type type, List<FieldError> errors, int depth)
    {
        switch (item)
        {
            case null when state == NullabilityState.NotNull && !type.IsValueType:
                errors.Add(new(field, $"{Name(field)}不能为空（null）。"));
                break;
            case string text when text.Length > MaxText:
                errors.Add(new(field, $"{Name(field)}过长：最多 {MaxText:N0} 个字，实际 {text.Length:N0} 个字。"));
                break;
            case IEnumerable list and not string:
                var count = 0;
                foreach (var entry in list)
                {
                    if (++count > MaxItems) { errors.Add(new(field, $"{Name(field)}最多 {MaxItems:N0} 项。")); return; }
                    var at = $"{field}[{count - 1}]";
                    var entryType = entry?.GetType() ?? typeof(object);
                    CheckValue(entry, at, element?.ReadState ?? NullabilityState.Unknown, null, entry is null ? typeof(object) : entryType, errors, depth + 1);
                }
                break;
            case { } nested when IsBodyType(nested.GetType()):
                Check(nested, field, errors, depth + 1);
                break;
        }
    }

    private static bool IsPositional(PropertyInfo property) =>
        property.DeclaringType?.GetConstructors().Any(c => c.GetParameters().Any(p => string.Equals(p.Name, property.Name, StringComparison.Ordinal))) == true;

    private static string Join(string path, string name) => path == "" ? name : $"{path}.{name}";
    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
    private static string Name(string field) => $"字段 {field} ";
}
