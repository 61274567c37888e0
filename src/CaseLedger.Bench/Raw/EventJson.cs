using System.Text.Json;
using CaseLedger.Api.Inspections.Judging;

namespace CaseLedger.Bench.Raw;

/// <summary>
/// Event and document JSON as the product stores it (Marten's System.Text.Json serialiser, camel case, enums as
/// their names), so a raw baseline writes and reads the same bytes the product does. The smoke test checks the
/// equality against what the product actually stored.
/// </summary>
public static class EventJson
{
    public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public const string JudgementRecordedType = "judgement_recorded";

    /// <summary>The type name Marten stores beside each event, by which it (and the raw scan) deserialises it.</summary>
    public static readonly string JudgementRecordedDotnetType = $"{typeof(JudgementRecorded).FullName}, {typeof(JudgementRecorded).Assembly.GetName().Name}";

    public static JudgementRecorded Recorded(PlannedJudgement judgement) =>
        new(judgement.Id, judgement.CaseId, judgement.QuestionId, Answers.Parse(judgement.Answer)!.Value, judgement.Reasons, judgement.Note);

    public static string Serialise(object value) => JsonSerializer.Serialize(value, value.GetType(), Options);

    /// <summary>The current-judgement document the product writes beside a recorded judgement.</summary>
    public static string Document(Guid inspectionId, PlannedJudgement judgement, int week) =>
        JsonSerializer.Serialize(CurrentJudgement.Start(inspectionId, Recorded(judgement), judgement.By, DateTimeOffset.UtcNow, week), Options);

    public static string Headers(string role, int week) => $$"""{"role":"{{role}}","week":{{week}}}""";
}
