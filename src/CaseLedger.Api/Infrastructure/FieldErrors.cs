namespace CaseLedger.Api.Infrastructure;

/// <summary>Collects every field error of a request, so a client learns all that is wrong in one answer.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public FieldErrors Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
            errors[field] = messages = [];
        messages.Add(message);
        return this;
    }

    public FieldErrors Require(bool condition, string field, string message) => condition ? this : Add(field, message);

    public void RequireText(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, "is required.");
        else OptionalText(value, field, maxLength);
    }

    public void OptionalText(string? value, string field, int maxLength)
    {
        if (value is null) return;
        if (value.Length > maxLength) Add(field, $"must be at most {maxLength} characters.");
        // PostgreSQL cannot store NUL in text or JSON, and no other control character belongs in a note either.
        if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            Add(field, "must not contain control characters.");
    }

    public void OneOf(string? value, string field, IReadOnlyList<string> allowed, bool required = true)
    {
        if (value is null)
        {
            if (required) Add(field, $"is required: one of {string.Join(", ", allowed)}.");
        }
        else if (!allowed.Contains(value))
            Add(field, $"'{value}' is not one of {string.Join(", ", allowed)}.");
    }

    public Rejection? ToRejection() =>
        Any ? Rejection.Invalid(errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray())) : null;
}
