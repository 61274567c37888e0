namespace CaseLedger.Api.Frameworks;

/// <summary>
/// Loads every framework file in a directory at start-up and refuses to go on if any of them is invalid.
/// The data files are copied beside the binaries, so the default location is relative to the app, not to the
/// working directory.
/// </summary>
public static class FrameworkLoader
{
    public static string DefaultDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "Frameworks", "Data");

    public static FrameworkCatalog LoadDefault() => Load(DefaultDirectory);

    public static FrameworkCatalog Load(string directory)
    {
        if (!Directory.Exists(directory))
            throw new FrameworkValidationException([$"framework directory '{directory}' does not exist"]);

        var files = Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
            throw new FrameworkValidationException([$"framework directory '{directory}' holds no *.json files"]);

        var errors = new List<string>();
        var loaded = new List<(string FileName, Framework Framework)>();
        foreach (var path in files)
        {
            var fileName = Path.GetFileName(path);
            try
            {
                loaded.Add((fileName, FrameworkReader.Read(fileName, File.ReadAllText(path))));
            }
            catch (FrameworkValidationException e)
            {
                errors.AddRange(e.Errors);
            }
        }

        errors.AddRange(SameIdAndVersion(loaded));
        if (errors.Count > 0)
            throw new FrameworkValidationException(errors);

        return new FrameworkCatalog(loaded.Select(file => file.Framework));
    }

    private static IEnumerable<string> SameIdAndVersion(IEnumerable<(string FileName, Framework Framework)> loaded) =>
        loaded
            .GroupBy(file => (file.Framework.Id, file.Framework.Version))
            .Where(group => group.Count() > 1)
            .Select(group =>
                $"{string.Join(", ", group.Select(file => file.FileName))}: framework '{group.Key.Id}' version {group.Key.Version} is declared in {group.Count()} files");
}
