using System.Reflection;
using System.Runtime.InteropServices;

namespace CaseLedger.Bench.Reporting;

/// <summary>What the run ran on, read from the machine itself and from the assemblies actually loaded.</summary>
public static class RunEnvironment
{
    public static MachineFacts Machine() => new(
        ProcLine("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        System.Environment.ProcessorCount,
        Math.Round(double.Parse(ProcLine("/proc/meminfo", "MemTotal")?.Split(' ')[0] ?? "0") / 1024 / 1024, 1),
        OsRelease() ?? RuntimeInformation.OSDescription,
        File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : "unknown");

    /// <summary>The packages as restored: the benchmark references the API, so it loads the very same assemblies.</summary>
    public static IReadOnlyDictionary<string, string> Versions(string postgres) => new Dictionary<string, string>
    {
        ["runtime"] = RuntimeInformation.FrameworkDescription,
        ["PostgreSQL"] = postgres,
        ["Marten"] = VersionOf(typeof(Marten.DocumentStore).Assembly),
        ["Wolverine"] = VersionOf(typeof(Wolverine.IMessageBus).Assembly),
        ["Npgsql"] = VersionOf(typeof(Npgsql.NpgsqlConnection).Assembly),
    };

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString() ?? "unknown";

    private static string? ProcLine(string file, string key) =>
        File.Exists(file)
            ? File.ReadLines(file).Where(line => line.StartsWith(key, StringComparison.Ordinal)).Select(line => line.Split(':', 2)[1].Trim()).FirstOrDefault()
            : null;

    private static string? OsRelease() =>
        File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").Where(line => line.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
                .Select(line => line["PRETTY_NAME=".Length..].Trim('"')).FirstOrDefault()
            : null;
}
