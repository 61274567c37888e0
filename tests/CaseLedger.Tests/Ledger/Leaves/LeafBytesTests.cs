using System.Text;
using CaseLedger.Api.Inspections.Writing;
using CaseLedger.Api.Ledger.Leaves;
using CaseLedger.Api.Ledger.Merkle;
using JasperFx.Events;
using Weasel.Core;

namespace CaseLedger.Tests.Ledger.Leaves;

public class LeafBytesTests
{
    private static readonly Guid Stream = Guid.Parse("5A0C4E1B-2F43-4D1E-9C6B-7E4F1A2B3C4D");
    private static readonly DateTimeOffset Recorded = new DateTimeOffset(2016, 6, 22, 10, 30, 15, TimeSpan.FromHours(1)).AddTicks(1234567);

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static LeafFields Sample() => new(
        Sequence: 1207, StreamId: Stream, Version: 3, Type: "judgement_recorded",
        Data: Json("""{"questionId":"1.2","answer":"sufficient","reasons":["ok"],"note":null,"score":0.5}"""),
        RecordedAt: Recorded, OccurredAt: Recorded.AddDays(-2), User: "lead-1", Role: "lead-inspector", CorrelationId: "c-1", Week: 2);

    // Single quotes for double, to keep the expected leaves readable.
    private static string Quoted(string text) => text.Replace('\'', '"');

    private static readonly string SampleLeaf = Quoted(
        "{'correlationId':'c-1','data':{'answer':'sufficient','note':null,'questionId':'1.2','reasons':['ok'],'score':0.5}," +
        "'occurredAt':'2016-06-20T09:30:15.123456Z'," +
        "'recordedAt':'2016-06-22T09:30:15.123456Z','role':'lead-inspector','sequence':1207," +
        "'streamId':'5a0c4e1b-2f43-4d1e-9c6b-7e4f1a2b3c4d','type':'judgement_recorded','user':'lead-1','version':3,'week':2}");

    [Fact]
    public void A_sample_event_gives_these_exact_bytes() =>
        Assert.Equal(SampleLeaf, Encoding.UTF8.GetString(LeafBytes.Of(Sample())));

    [Fact]
    public void Members_come_in_code_unit_order_and_missing_values_are_explicit_nulls()
    {
        var leaf = Sample() with { User = null, Role = null, CorrelationId = null, Week = null };
        using var document = JsonDocument.Parse(LeafBytes.Of(leaf));

        Assert.Equal(
            ["correlationId", "data", "occurredAt", "recordedAt", "role", "sequence", "streamId", "type", "user", "version", "week"],
            document.RootElement.EnumerateObject().Select(member => member.Name));
        Assert.All(["correlationId", "role", "user", "week"],
            name => Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty(name).ValueKind));
    }

    public static TheoryData<string> Changes =>
        ["sequence", "streamId", "version", "type", "data", "recordedAt", "user", "role", "correlationId", "week"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Changing_any_field_changes_the_bytes(string field)
    {
        var sample = Sample();
        var changed = field switch
        {
            "sequence" => sample with { Sequence = 1208 },
            "streamId" => sample with { StreamId = Guid.Parse("5a0c4e1b-2f43-4d1e-9c6b-7e4f1a2b3c4e") },
            "version" => sample with { Version = 4 },
            "type" => sample with { Type = "judgement_revised" },
            "data" => sample with { Data = Json("""{"questionId":"1.2","answer":"insufficient","reasons":["ok"],"note":null,"score":0.5}""") },
            "recordedAt" => sample with { RecordedAt = Recorded.AddTicks(10) },
            "user" => sample with { User = "lead-2" },
            "role" => sample with { Role = "inspector" },
            "correlationId" => sample with { CorrelationId = "c-2" },
            _ => sample with { Week = null },
        };
        Assert.NotEqual(LeafBytes.Of(sample), LeafBytes.Of(changed));
    }

    [Fact]
    public void The_recorded_time_keeps_microseconds_as_postgresql_does()
    {
        Assert.Contains("\"recordedAt\":\"2016-06-22T09:30:15.123456Z\"", Encoding.UTF8.GetString(LeafBytes.Of(Sample())));
        Assert.Equal(LeafBytes.Of(Sample()), LeafBytes.Of(Sample() with { RecordedAt = Recorded.AddTicks(-7) }));
        Assert.Equal(LeafBytes.Of(Sample()), LeafBytes.Of(Sample() with { RecordedAt = Recorded.AddTicks(2) }));
        Assert.Contains("\"recordedAt\":\"2016-06-22T09:30:15.000000Z\"",
            Encoding.UTF8.GetString(LeafBytes.Of(Sample() with { RecordedAt = new DateTimeOffset(2016, 6, 22, 9, 30, 15, TimeSpan.Zero) })));
    }

    [Fact]
    public void Data_with_a_duplicate_member_is_refused()
    {
        Assert.Throws<ArgumentException>(() => LeafBytes.Of(Sample() with { Data = Json("""{"a":1,"a":2}""") }));
        Assert.Throws<ArgumentException>(() => LeafBytes.Hash(Sample() with { Data = Json("""{"a":1,"a":2}""") }));
    }

    // The hash is taken where the leaf is written, in a scratch buffer the next leaf writes over: one leaf longer than
    // the buffer's first size, one shorter after it, and each hash is still its own leaf's.
    [Fact]
    public void A_leaf_hash_is_the_hash_of_the_leaf_whatever_was_written_before_it()
    {
        var sample = Sample();
        var longer = sample with { Data = Json($$"""{"note":"{{new string('x', 5000)}}"}""") };
        foreach (var fields in new[] { sample, longer, sample, longer })
            Assert.Equal(MerkleHash.Leaf(LeafBytes.Of(fields)), LeafBytes.Hash(fields));
        Assert.NotEqual(LeafBytes.Hash(sample), LeafBytes.Hash(longer));
    }

    [Fact]
    public void A_marten_event_gives_the_same_leaf_as_its_plain_fields()
    {
        var options = new StoreOptions();
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
        var recorded = new JudgementRecorded(Guid.Parse("11111111-1111-1111-1111-111111111111"), Guid.Parse("22222222-2222-2222-2222-222222222222"),
            "1.2", Answer.Sufficient, ["ok"], null);
        var e = new Event<JudgementRecorded>(recorded)
        {
            Sequence = 1207, StreamId = Stream, Version = 3, EventTypeName = "judgement_recorded", Timestamp = Recorded,
            UserName = "lead-1", CorrelationId = "c-1",
        };
        e.SetHeader(LedgerWrites.RoleHeader, "lead-inspector");
        e.SetHeader(LedgerWrites.WeekHeader, 2);
        var data = Json(options.Serializer().ToJson(recorded));

        Assert.Equal(Quoted(
            "{'correlationId':'c-1','data':{'answer':'sufficient','caseId':'22222222-2222-2222-2222-222222222222'," +
            "'judgementId':'11111111-1111-1111-1111-111111111111','note':null,'questionId':'1.2','reasons':['ok']}," +
            // No stated valid time: it happened when it was recorded.
            "'occurredAt':'2016-06-22T09:30:15.123456Z'," +
            "'recordedAt':'2016-06-22T09:30:15.123456Z','role':'lead-inspector','sequence':1207," +
            "'streamId':'5a0c4e1b-2f43-4d1e-9c6b-7e4f1a2b3c4d','type':'judgement_recorded','user':'lead-1','version':3,'week':2}"),
            Encoding.UTF8.GetString(LeafBytes.Of(e, data)));
        Assert.Equal(LeafBytes.Of(LeafFields.From(e, data)), LeafBytes.Of(e, data));
    }
}
