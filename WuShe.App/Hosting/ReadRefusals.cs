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
