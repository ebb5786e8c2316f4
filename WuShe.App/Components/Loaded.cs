using WuShe.App.Hosting;

namespace WuShe.App.Components;

/// <summary>The outcome of a scoped read on a page: the value, or why it cannot be shown.</summary>
public sealed record Loaded<T>(T? Value, string? Denied, string? Missing)
{
    public static async Task<Loaded<T>> FromAsync(Func<Task<T>> read)
    {
        try
        {
            return new(await read(), null, null);
        }
        catch (AccessDeniedException e)
        {
            return new(default, e.Message, null);
        }
        catch (NotFoundException e)
        {
            return new(default, null, e.Message);
        }
    }
}

/// <summary>A refused form's errors keyed by field path, for <see cref="DomainValidation"/> to place at their fields.</summary>
public static class FormErrors
{
    public static Dictionary<string, string> ByField(WuShe.Domain.Common.FieldValidationException e) => ByField(e.Errors);

    public static Dictionary<string, string> ByField(IEnumerable<WuShe.Domain.Common.FieldError> errors) =>
        errors.GroupBy(x => x.Field).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(x => x.Message)));
}
