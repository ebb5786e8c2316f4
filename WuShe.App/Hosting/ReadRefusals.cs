namespace WuShe.App.Hosting;

/// <summary>The requested record does not exist.</summary>
public class NotFoundException : Exception
{
    public NotFoundException(string message) : base(message) { }
}

/// <summary>The record exists but lies outside the user's scope.</summary>
public class AccessDeniedException : Exception
{
    public AccessDeniedException(string message) : base(message) { }
}
