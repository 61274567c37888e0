using System.Text.Json.Serialization;

namespace CaseLedger.Api.Scoring;

/// <summary>
/// An inspector's answer to one scoring question for one case. The numeric values are fixed because tallies use
/// them as offsets into their count arrays.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<Answer>))]
public enum Answer
{
    [JsonStringEnumMemberName("sufficient")]
    Sufficient = 0,

    [JsonStringEnumMemberName("insufficient")]
    Insufficient = 1,

    [JsonStringEnumMemberName("not-applicable")]
    NotApplicable = 2,
}
