using System.Text.Json.Serialization;

namespace CaseLedger.Api.Scoring;

/// <summary>What a score is taken over: one criterion's questions, a whole section, a theme's key questions, or one
/// key question of a rated standard.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScopeKind>))]
public enum ScopeKind
{
    [JsonStringEnumMemberName("theme")]
    Theme,

    [JsonStringEnumMemberName("section")]
    Section,

    [JsonStringEnumMemberName("criterion")]
    Criterion,

    /// <summary>One key question of a rated standard, scored on its own because its percentage sets a rating.</summary>
    [JsonStringEnumMemberName("key-question")]
    KeyQuestion,
}
