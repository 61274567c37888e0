using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CaseLedger.Api.History.Changes;

/// <summary>
/// A judgement's changes held as the JSON the view rendered: a segment of the window's changes, laid out judgement by
/// judgement. Written out by <see cref="Writer"/> as the bytes themselves, which is most of a history answer (3.2 MB
/// for a whole fieldwork week of 5,600 changed judgements); read as objects (a page, the CSV) each is decoded when
/// asked for.
/// </summary>
public sealed class RenderedChanges(ArraySegment<RenderedChange> rendered) : IReadOnlyList<HistoryEndpoint.JudgementChange>
{
    private ArraySegment<RenderedChange> Rendered => rendered;

    /// <summary>The options a history answer is written with: the API's, and the bytes of rendered changes as they are.</summary>
    public static readonly JsonSerializerOptions Json = new(RenderedChange.Options) { Converters = { new Writer() } };

    public int Count => rendered.Count;

    public HistoryEndpoint.JudgementChange this[int index] =>
        JsonSerializer.Deserialize<HistoryEndpoint.JudgementChange>(rendered[index].Json.Span, RenderedChange.Options)!;

    public IEnumerator<HistoryEndpoint.JudgementChange> GetEnumerator()
    {
        for (var i = 0; i < rendered.Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class Writer : JsonConverter<IReadOnlyList<HistoryEndpoint.JudgementChange>>
    {
        public override IReadOnlyList<HistoryEndpoint.JudgementChange> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonSerializer.Deserialize<HistoryEndpoint.JudgementChange[]>(ref reader, RenderedChange.Options)!;

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<HistoryEndpoint.JudgementChange> value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            if (value is RenderedChanges changes)
                // Each is one JSON value as System.Text.Json wrote it, and the column keeps it as JSON: checking it
                // again would parse the whole answer a second time.
                foreach (var change in changes.Rendered) writer.WriteRawValue(change.Json.Span, skipInputValidation: true);
            else
                foreach (var change in value) JsonSerializer.Serialize(writer, change, RenderedChange.Options);
            writer.WriteEndArray();
        }
    }
}
