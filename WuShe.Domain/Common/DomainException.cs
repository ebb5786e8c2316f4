namespace WuShe.Domain.Common;

/// <summary>A rule of the policy refused an operation; the message is Chinese and meant for the user.</summary>
public class DomainException : Exception
{
    public DomainException(string message) : base(message) { }
}
