using System.Text.Json.Serialization;

namespace CaseLedger.Api.Scoring;

/// <summary>What a score is taken over: one criterion's questions, a whole section, or a theme's key questions.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScopeKind>))]
public enum ScopeKind
{
    [JsonStringEnumMemberName("theme")]
    Theme,

    [JsonStringEnumMemberName("section")]
    Section,

    [JsonStringEnumMemberName("criterion")]
    Criterion,
}
