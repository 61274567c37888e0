using System.Text.Json;

namespace CaseLedger.Client;

/// <summary>The development signing key, found as ops/token finds it: the environment first, then the settings file.</summary>
public static class DevelopmentSigningKey
{
    public const string Variable = "Authentication__DevelopmentSigningKey";

    public static string Read(string? settingsFile)
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } key) return key;
        if (settingsFile is null)
            throw new ArgumentException($"--signing-key-file is required when {Variable} is not set.");
        using var settings = JsonDocument.Parse(File.ReadAllText(settingsFile));
        return settings.RootElement.GetProperty("Authentication").GetProperty("DevelopmentSigningKey").GetString()
            ?? throw new ArgumentException($"{settingsFile} names no Authentication:DevelopmentSigningKey.");
    }
}
