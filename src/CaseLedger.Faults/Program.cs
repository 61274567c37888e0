namespace CaseLedger.Faults;

/// <summary>ops/faults runs this once. Not top-level statements: their global <c>Program</c> would clash with the
/// API's in the test project.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var stop = new ConsoleStop();
        return await Cli.RunAsync(args, stop.Token);
    }
}
