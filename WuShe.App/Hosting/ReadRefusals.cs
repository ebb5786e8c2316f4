namespace WuShe.App.Hosting;

/// <summary>The requested record does not exist, or lies outside the user's scope: the two are never told apart (<c>ScopedReads.NotInScope</c>).</summary>
public class NotFoundException : Exception
{
    public NotFoundException(string message) : base(message) { }
}

/// <summary>The user's role may not do this at all (a viewer acknowledging an alert, a station opening the audit log); never about one record.</summary>
public class AccessDeniedException : Exception
{
    public AccessDeniedException(string message) : base(message) { }
}

/// <summary>What a page shows when a command is refused; one list of the refusals a user can meet.</summary>
public static class CommandRefusals
{
    /// <summary>The message for a refusal (a rule, a role, a missing record, a concurrent change, a full or read-only disk); null for a fault.</summary>
    public static string? MessageOf(Exception e) => e switch
    {
        Domain.Common.DomainException or AccessDeniedException or NotFoundException or ConcurrencyConflictException => e.Message,
        _ => StorageFaults.Describe(e),
    };
}
