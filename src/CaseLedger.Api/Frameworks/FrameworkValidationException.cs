namespace CaseLedger.Api.Frameworks;

/// <summary>
/// Thrown at start-up when framework data breaks a rule. Every problem found is listed, each naming the file,
/// the element and the rule, so one failed start is enough to fix them all.
/// </summary>
public sealed class FrameworkValidationException(IReadOnlyList<string> errors) : Exception(Describe(errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;

    private static string Describe(IReadOnlyList<string> errors) =>
        errors.Count == 1
            ? $"Invalid framework data: {errors[0]}"
            : $"Invalid framework data ({errors.Count} problems):{Environment.NewLine}"
              + string.Join(Environment.NewLine, errors.Select(error => $"  - {error}"));
}
