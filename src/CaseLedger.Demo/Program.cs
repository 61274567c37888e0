using System.Runtime.InteropServices;
using CaseLedger.Client;
using Microsoft.Extensions.Logging;

namespace CaseLedger.Demo;

/// <summary>ops/run starts this once the API answers /health/ready.
/// Not top-level statements: their global <c>Program</c> would clash with the API's in the test project.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        // ops/run stops the load with SIGTERM when the API ends: cancel it as Ctrl-C does, so it says it stopped.
        using var stop = new ConsoleStop(PosixSignal.SIGTERM);
        using var logging = LoggerFactory.Create(builder => builder.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        }));
        return await DemoCli.RunAsync(args, logging.CreateLogger("CaseLedger.Demo"), Console.Error, stop.Token);
    }
}
