using Microsoft.Extensions.Options;

namespace CaseLedger.Api.Ledger.Signing;

/// <summary>
/// Run at start-up (<c>ValidateOnStart</c>), so a host that could not sign a tree head never starts: outside
/// Development the active key must come from a file, and every configured key must load as a P-256 key. The
/// keys are loaded here once, the same way <see cref="LedgerKeys"/> loads them, so a bad PEM fails the start and
/// not the first signature.
/// </summary>
public sealed class LedgerKeyOptionsValidator(IHostEnvironment environment) : IValidateOptions<LedgerKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, LedgerKeyOptions options)
    {
        var inline = !string.IsNullOrWhiteSpace(options.ActiveKeyPem);
        var file = !string.IsNullOrWhiteSpace(options.ActiveKeyFile);
        if (!environment.IsDevelopment() && inline)
            return ValidateOptionsResult.Fail(
                $"{LedgerKeyOptions.Section}:ActiveKeyPem is set outside Development. Remove it and set {LedgerKeyOptions.Section}:ActiveKeyFile " +
                "to the path of a PEM file holding the ledger's ECDSA P-256 private key.");
        if (!environment.IsDevelopment() && !file)
            return ValidateOptionsResult.Fail(
                $"No ledger signing key: set {LedgerKeyOptions.Section}:ActiveKeyFile (environment variable Ledger__Signing__ActiveKeyFile) " +
                "to the path of a PEM file holding an ECDSA P-256 private key. The API does not start without one outside Development.");
        if (inline && file)
            return ValidateOptionsResult.Fail(
                $"Both {LedgerKeyOptions.Section}:ActiveKeyPem and {LedgerKeyOptions.Section}:ActiveKeyFile are set: set one, so it is clear which key signs.");
        if (!inline && !file)
            return ValidateOptionsResult.Fail(
                $"No ledger signing key: set {LedgerKeyOptions.Section}:ActiveKeyPem (appsettings.Development.json has a demo key) or {LedgerKeyOptions.Section}:ActiveKeyFile.");

        try
        {
            using var keys = LedgerKeys.Load(options, environment.ContentRootPath);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException unusable)
        {
            return ValidateOptionsResult.Fail(unusable.Message);
        }
    }
}
