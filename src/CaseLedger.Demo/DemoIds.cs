using CaseLedger.Api.Infrastructure;

namespace CaseLedger.Demo;

/// <summary>
/// Ids derived from stable names ("demo/northamptonshire/case/C07"), the name-based UUID scheme of RFC 9562
/// (version 5: SHA-1 over a namespace and the name). Every load of the demo asks for the same ids, and the API
/// answers a repeated request with the same id and content as a retry, so a second load appends nothing.
/// </summary>
public static class DemoIds
{
    private static readonly Guid Namespace = new("5d0f6c1e-2b7a-4c59-9a43-0c8e3f1d7b26");

    public static Guid Inspection(string key) => From($"demo/{key}/inspection");

    public static Guid Case(string key, string reference) => From($"demo/{key}/case/{reference}");

    public static Guid Judgement(string key, string reference, string questionId) =>
        From($"demo/{key}/judgement/{reference}/{questionId}");

    public static Guid QaSample(string key) => From($"demo/{key}/qa-sample");

    public static Guid From(string name) => NameBasedIds.From(Namespace, name);
}
