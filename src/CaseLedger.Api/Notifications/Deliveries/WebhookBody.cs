using System.Text.Json;
using System.Text.Json.Serialization;
using CaseLedger.Api.Inspections;
using CaseLedger.Api.Yots;

namespace CaseLedger.Api.Notifications.Deliveries;

/// <summary>
/// What a delivery says, in the Standard Webhooks shape (<c>type</c>, <c>timestamp</c>, <c>data</c>): what happened,
/// to which inspection or YOT, when (valid time), and where to read the views it changed. Never a case, a judgement
/// or an answer: a receiver reads those through the API, with the reach its token gives it. Written once at
/// enrolment, so every attempt sends the same bytes under the same <c>webhook-id</c>.
/// </summary>
public static class WebhookBody
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public sealed record Body(string Type, DateTimeOffset Timestamp, Data Data);

    public sealed record Data(Guid? InspectionId, string? Title, string? FrameworkId, YotData Yot, long StreamVersion, IReadOnlyDictionary<string, string> Links);

    public sealed record YotData(string Code, string Name, string Region);

    /// <summary>The body for an inspection's notice, or for a register change (<paramref name="header"/> null).</summary>
    public static string For(string kind, object data, InspectionHeader? header, long streamVersion, DateTimeOffset validAt) =>
        JsonSerializer.Serialize(new Body(kind, validAt, DataOf(data, header, streamVersion)), Json);

    private static Data DataOf(object data, InspectionHeader? header, long streamVersion)
    {
        if (header is null)
        {
            var yot = data switch
            {
                YotRegistered registered => new YotData(registered.Code, registered.Name, registered.Region),
                Yots.YotChanged changed => new YotData(changed.Code, changed.Name, changed.Region),
                _ => throw new ArgumentException($"No register notice for {data.GetType().Name}.", nameof(data)),
            };
            return new Data(null, null, null, yot, streamVersion, new Dictionary<string, string>
            {
                ["yot"] = $"/yots/{yot.Code}",
                ["history"] = $"/yots/{yot.Code}/history",
                ["feed"] = "/feed",
            });
        }
        return new Data(header.Id, header.Title, header.FrameworkId, new YotData(header.Yot.Code, header.Yot.Name, header.Yot.Region), streamVersion,
            new Dictionary<string, string>
            {
                ["inspection"] = $"/inspections/{header.Id}",
                ["scores"] = $"/inspections/{header.Id}/scores",
                ["yot"] = $"/yots/{header.Yot.Code}",
                ["feed"] = "/feed",
            });
    }
}
