namespace CaseLedger.Demo;

/// <summary>A string hash that is the same in every process (string.GetHashCode is randomised per process).</summary>
internal static class StableHash
{
    public static int Of(string text) => text.Aggregate(17, (hash, c) => unchecked(hash * 31 + c));
}
