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
