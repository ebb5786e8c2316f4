namespace WuShe.Domain.Common;

/// <summary>A problem with one field of a form, keyed so the interface can show it beside that field.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>A command refused because of the fields it carries; every error is listed, not just the first.</summary>
public class FieldValidationException : DomainException
{
    public IReadOnlyList<FieldError> Errors { get; }

    public FieldValidationException(IReadOnlyList<FieldError> errors)
        : base($"有 {errors.Count} 处需要修改：" + string.Join("；", errors.Select(e => e.Message)))
    {
        Errors = errors;
    }
}
