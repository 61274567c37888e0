namespace CaseLedger.Tests.Faults;

/// <summary>Where the checkout, this build's configuration and the machine's PostgreSQL binaries are, for tests
/// that start the API and PostgreSQL as processes of their own (ops/test has made sure the binaries exist).</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    /// <summary>Debug or Release, as the tests themselves were built: bin/{configuration}/net10.0.</summary>
    public static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;

    public static string PostgresBin =>
        Directory.EnumerateDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
            .OrderBy(bin => int.Parse(Path.GetFileName(Path.GetDirectoryName(bin))!)).Last();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "CaseLedger.sln"))) return folder.FullName;
        throw new InvalidOperationException($"No CaseLedger.sln above {AppContext.BaseDirectory}.");
    }
}
