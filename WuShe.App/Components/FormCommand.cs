using Radzen;
using WuShe.App.Hosting;
using WuShe.Domain.Common;

namespace WuShe.App.Components;

/// <summary>
/// The one way a page runs a command: ignored while one runs (a double click runs it once, and the buttons bound to
/// <see cref="Busy"/> are disabled), then exactly one outcome — a message (also as a toast), field errors with a summary,
/// a concurrent change (the page's conflict panel), or a refusal in words. <see cref="CommandOutcome"/> shows it.
/// </summary>
public sealed class FormCommand
{
    private readonly NotificationService? _toasts;

    public FormCommand(NotificationService? toasts = null) => _toasts = toasts;

    public bool Busy { get; private set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyDictionary<string, string> FieldErrors { get; private set; } = new Dictionary<string, string>();
    public ConcurrencyConflictException? Conflict { get; private set; }

    /// <summary>Runs <paramref name="action"/> unless a command is running; true when it succeeded.</summary>
    /// <param name="action">The command; returns what to tell the user (null: the page shows the outcome itself).</param>
    /// <param name="onConflict">Reads the other version for the conflict panel, after a concurrent change.</param>
    public async Task<bool> RunAsync(Func<Task<string?>> action, Func<Task>? onConflict = null)
    {
        if (Busy) return false;
        Busy = true;
        Clear();
        try
        {
            Succeeded(await action());
            return true;
        }
        catch (FieldValidationException e)
        {
            Refuse(e.Errors);
        }
        catch (ConcurrencyConflictException e) when (onConflict is not null)
        {
            Conflict = e;
            await onConflict();
        }
        catch (Exception e) when (CommandRefusals.MessageOf(e) is { } refusal)
        {
            Error = refusal;
        }
        finally
        {
            Busy = false;
        }
        return false;
    }

    /// <summary>Marks the fields a check found wrong (before or after the server's), with a summary of the first few.</summary>
    public void Refuse(IReadOnlyCollection<FieldError> errors)
    {
        Clear();
        FieldErrors = FormErrors.ByField(errors);
        Error = $"有 {errors.Count} 处需要修改，请查看标红的栏目：" + string.Join("；", errors.Take(5).Select(x => x.Message)) + (errors.Count > 5 ? "……" : "");
    }

    /// <summary>An outcome reached without running a command (e.g. the other version was loaded).</summary>
    public void Succeeded(string? message)
    {
        Message = message;
        if (message is not null) _toasts?.Notify(new NotificationMessage { Severity = NotificationSeverity.Success, Summary = message, Duration = 4000 });
    }

    public void Clear()
    {
        Message = Error = null;
        FieldErrors = new Dictionary<string, string>();
        Conflict = null;
    }
}
