namespace CaseLedger.Api.Notifications;

/// <summary>
/// How webhooks are delivered (configuration section <c>Webhooks</c>). Outside Development a delivery URL must be
/// https and may not reach loopback, private, link-local or metadata addresses unless the operator allows it; in
/// Development loopback is allowed, so a receiver on this machine can be tried.
/// </summary>
public sealed record WebhookSettings
{
    public const string Section = "Webhooks";

    public bool RequireHttps { get; init; } = true;

    public bool AllowLoopback { get; init; }

    /// <summary>Private (RFC 1918, unique-local), link-local and carrier-grade NAT ranges, metadata addresses included.</summary>
    public bool AllowPrivateNetworks { get; init; }

    /// <summary>How long one attempt may take, connection included. No redirect is ever followed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait before each retry of a failed attempt; once used up the delivery has failed. The default
    /// spans about 31 hours.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; init; } =
    [
        TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15),
        TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4),
        TimeSpan.FromHours(8), TimeSpan.FromHours(8), TimeSpan.FromHours(8),
    ];

    /// <summary>A subscription is disabled after this many failed attempts in a row, whichever deliveries they were.</summary>
    public int DisableAfterFailures { get; init; } = 30;

    /// <summary>How often a node looks for retries that have come due: the most a retry is late by.</summary>
    public TimeSpan DuePolling { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>An operator's hold: deliveries are enrolled as ever but none is attempted until it is lifted.</summary>
    public bool Hold { get; init; }

    public static WebhookSettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(Section);
        var development = environment.IsDevelopment();
        var defaults = new WebhookSettings();
        var delays = section.GetSection("RetryDelaySeconds").Get<double[]>();
        var settings = new WebhookSettings
        {
            RequireHttps = section.GetValue("RequireHttps", !development),
            AllowLoopback = section.GetValue("AllowLoopback", development),
            AllowPrivateNetworks = section.GetValue("AllowPrivateNetworks", false),
            Timeout = TimeSpan.FromSeconds(section.GetValue("TimeoutSeconds", defaults.Timeout.TotalSeconds)),
            RetryDelays = delays is { Length: > 0 } ? [.. delays.Select(TimeSpan.FromSeconds)] : defaults.RetryDelays,
            DisableAfterFailures = section.GetValue("DisableAfterFailures", defaults.DisableAfterFailures),
            DuePolling = TimeSpan.FromSeconds(section.GetValue("DuePollingSeconds", defaults.DuePolling.TotalSeconds)),
            Hold = section.GetValue("Hold", false),
        };
        if (settings.Timeout <= TimeSpan.Zero || settings.Timeout > TimeSpan.FromMinutes(1))
            throw new InvalidOperationException($"{Section}:TimeoutSeconds must be more than 0 and at most 60, not {settings.Timeout.TotalSeconds}.");
        if (settings.RetryDelays.Any(delay => delay <= TimeSpan.Zero))
            throw new InvalidOperationException($"{Section}:RetryDelaySeconds must all be more than 0.");
        if (settings.DuePolling < TimeSpan.FromMilliseconds(50) || settings.DuePolling > TimeSpan.FromMinutes(1))
            throw new InvalidOperationException($"{Section}:DuePollingSeconds must be between 0.05 and 60, not {settings.DuePolling.TotalSeconds}.");
        if (settings.DisableAfterFailures < 1)
            throw new InvalidOperationException($"{Section}:DisableAfterFailures must be at least 1, not {settings.DisableAfterFailures}.");
        return settings;
    }
}
