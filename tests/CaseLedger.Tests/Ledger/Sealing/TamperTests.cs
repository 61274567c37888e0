using CaseLedger.Api.Admin;
using CaseLedger.Api.Ledger.Sealing;
using CaseLedger.Tests.Ledger.Export;
using CaseLedger.Verifier;
using Npgsql;

namespace CaseLedger.Tests.Ledger.Sealing;

/// <summary>
/// What an attacker holding the database but not the signing key would do, each to a sealed inspection, straight
/// in SQL. Both checks must find it and name the event, and so must the offline verifier, on an export taken after
/// the edit alone and beside one taken before; nothing here goes through the API's write path.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TamperTests(AppFixture app)
{
    private const string Events = EventStoreSetup.Schema + ".mt_events";

    public static TheoryData<string, string, string> Attacks => new()
    {
        { "change a judgement's data", $"update {Events} set data = jsonb_set(data, '{{answer}}', '\"insufficient\"') where seq_id = @seq", "changed" },
        // What no write of Marten's would store: a number beyond any double or nesting beyond a reader's depth, which
        // have no canonical form, and an answer that is none or a type no event has, which Marten cannot decode. Each
        // is a changed row, not a failed check.
        { "add a number no double can hold to its data", $"update {Events} set data = jsonb_set(data, '{{weight}}', '1e400') where seq_id = @seq", "changed" },
        { "nest its data deeper than a JSON reader goes", $"update {Events} set data = jsonb_set(data, '{{weight}}', (repeat('[', 100) || repeat(']', 100))::jsonb) where seq_id = @seq", "changed" },
        { "give it an answer that is none", $"update {Events} set data = jsonb_set(data, '{{answer}}', '\"no-such-answer\"') where seq_id = @seq", "changed" },
        { "give it a type no event has", $"update {Events} set type = 'no_such_event' where seq_id = @seq", "changed" },
        { "change its user_name", $"update {Events} set user_name = 'someone-else' where seq_id = @seq", "changed" },
        { "change its timestamp", $"update {Events} set timestamp = timestamp - interval '3 days' where seq_id = @seq", "changed" },
        { "delete an event row", $"delete from {Events} where seq_id = @seq", "deleted" },
        { "truncate the tail", $"delete from {Events} where stream_id = @stream and version >= (select version from {Events} where seq_id = @seq)", "deleted" },
        { "swap two versions", $"""
            update {Events} set version = -version where stream_id = @stream and version in (@version, @version - 1);
            update {Events} set version = case when -version = @version then @version - 1 else @version end where stream_id = @stream and version < 0
            """, "moved" },
        { "insert a forged row into history", $"""
            insert into {Events} (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived, user_name, headers, correlation_id)
            select -@seq, gen_random_uuid(), stream_id, version + 1000, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived, user_name, headers, correlation_id
              from {Events} where seq_id = @seq
            """, "inserted" },
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task An_edit_in_sql_is_found_by_both_checks_and_the_offline_verifier_which_name_the_event(string attack, string sql, string what)
    {
        // Given: an inspection whose judgements are sealed and covered by a signed head, and that checks clean.
        var id = await app.Host.GivenSealedJudgements(cases: 1);
        Assert.True((await Verify(id)).GetProperty("agrees").GetBoolean(), "the inspection did not check clean before the attack");
        var last = (await app.Host.GetJson($"/inspections/{id}/events")).GetProperty("events").EnumerateArray().Last();
        var (sequence, version) = (last.GetProperty("sequence").GetInt64(), last.GetProperty("version").GetInt64());
        var before = await app.Host.ExportAsync(id);
        Assert.Equal(VerifyCommand.Verified, Exports.Verify(before).Exit);

        // When: the attacker edits the rows.
        var (data, type) = await RowAsync(sequence);
        await ExecuteAsync(sql, sequence, id, version, attack);
        try
        {
            // Then: the inspection's check and the whole log's check both name an event of this inspection.
            var expectedSequence = what == "inserted" ? -sequence : sequence;
            var inspection = (await Verify(id)).GetProperty("ledger");
            Assert.False(inspection.GetProperty("agrees").GetBoolean(), $"{attack}: the inspection's check agreed");
            AssertNamed(inspection, expectedSequence, what, attack);
            var log = await app.Host.GetJson("/ledger/verify");
            AssertNamed(log, expectedSequence, what, attack);
            var after = await app.Host.ExportAsync(id, $"?since={Exports.TreeSize(before)}");
            foreach (var (exit, output) in (IEnumerable<(int, string)>)[Exports.Verify(after), Exports.Verify(after, before)])
            {
                Assert.Equal(VerifyCommand.Failed, exit);
                Assert.Contains($"sequence {expectedSequence} ", output);
            }
        }
        finally
        {
            // The body and type as they were: a row Marten cannot decode would fail the rebuilds of the tests that
            // share this database (a rebuild has no way past it; verify is what names it).
            await RestoreAsync(sequence, data, type);
        }
    }

    [Fact]
    public async Task A_rebuild_that_cannot_read_an_edited_event_fails_and_the_views_go_on_applying_new_events()
    {
        var id = await app.Host.GivenSealedJudgements(cases: 1);
        var last = (await app.Host.GetJson($"/inspections/{id}/events")).GetProperty("events").EnumerateArray().Last();
        var sequence = last.GetProperty("sequence").GetInt64();
        var (data, type) = await RowAsync(sequence);
        await ExecuteAsync($"update {Events} set data = jsonb_set(data, '{{answer}}', '\"no-such-answer\"') where seq_id = @seq",
            sequence, id, last.GetProperty("version").GetInt64(), "spoil an event");
        try
        {
            await app.Host.Scenario(s =>
            {
                s.As(Scenarios.Admin, Roles.Admin).Post.Url($"/admin/projections/rebuild?name={ProjectionStatus.PerInspectionViews[0]}");
                s.StatusCodeShouldBe(409);
            });
        }
        finally
        {
            await RestoreAsync(sequence, data, type);
        }

        // The views go on: a new inspection's judgements reach them, and with the row put back a rebuild completes.
        await app.Host.GivenSealedJudgements(cases: 1);
        await app.Host.CaughtUp();
        await app.Host.Scenario(s =>
        {
            s.As(Scenarios.Admin, Roles.Admin).Post.Url($"/admin/projections/rebuild?name={ProjectionStatus.PerInspectionViews[0]}");
            s.StatusCodeShouldBeOk();
        });
    }

    [Fact]
    public async Task A_tail_deleted_with_its_sealed_leaves_is_named_by_the_verifier_from_an_earlier_export()
    {
        var id = await app.Host.GivenSealedJudgements(cases: 2);
        var before = await app.Host.ExportAsync(id);
        var last = ExportReader.Read(before).Events[^1];
        // Another inspection writes after it, so the leaf removed is the end of this inspection, not of the log
        // (whose last leaf the sealer would grow from again, were it restarted).
        await app.Host.GivenInspectionInFieldwork(cases: 1);
        await app.Host.CaughtUp();

        // The rows and the leaves that name them go together; the tree's nodes and signed heads stay, as they must.
        // Both are kept aside and put back at the end, so the log the other tests share is whole again.
        const string saved = EventStoreSetup.Schema + ".tamper_saved";
        await ExecuteAsync($"""
            create table {saved}_events as select * from {Events} where seq_id = @seq;
            create table {saved}_leaves as select * from {LedgerTables.Leaves} where seq_id = @seq;
            delete from {Events} where seq_id = @seq;
            delete from {LedgerTables.Leaves} where seq_id = @seq
            """, last.Sequence, id, last.Version, "delete the tail with its leaves");
        try
        {
            var after = await app.Host.ExportAsync(id, $"?since={Exports.TreeSize(before)}");
            var (exit, output) = Exports.Verify(after, before);
            Assert.Equal(VerifyCommand.Failed, exit);
            Assert.Contains($"sequence {last.Sequence} (version {last.Version}): was in the earlier export at leaf {last.LeafIndex}, and is gone from this one.", output);
            Assert.False((await app.Host.GetJson("/ledger/verify")).GetProperty("agrees").GetBoolean(), "the whole log's check agreed");
        }
        finally
        {
            await ExecuteAsync($"""
                insert into {Events} select * from {saved}_events;
                insert into {LedgerTables.Leaves} select * from {saved}_leaves;
                drop table {saved}_events, {saved}_leaves
                """, last.Sequence, id, last.Version, "put the tail back");
        }
    }

    private static async Task ExecuteAsync(string sql, long sequence, Guid stream, long version, string attack)
    {
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("ConnectionStrings__CaseLedger"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("seq", sequence);
        command.Parameters.AddWithValue("stream", stream);
        command.Parameters.AddWithValue("version", version);
        Assert.True(await command.ExecuteNonQueryAsync() > 0, $"{attack}: the SQL changed nothing");
    }

    // A row the attack deleted stays deleted; one it edited gets its body and type back.
    private static async Task RestoreAsync(long sequence, string data, string type)
    {
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("ConnectionStrings__CaseLedger"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"update {Events} set data = @data::jsonb, type = @type where seq_id = @seq", connection);
        command.Parameters.AddWithValue("seq", sequence);
        command.Parameters.AddWithValue("data", data);
        command.Parameters.AddWithValue("type", type);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<(string Data, string Type)> RowAsync(long sequence)
    {
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("ConnectionStrings__CaseLedger"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select data::text, type from {Events} where seq_id = @seq", connection);
        command.Parameters.AddWithValue("seq", sequence);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no event row at sequence {sequence}");
        return (reader.GetString(0), reader.GetString(1));
    }

    private Task<JsonElement> Verify(Guid id) => app.Host.GetJson($"/inspections/{id}/verify");

    private static void AssertNamed(JsonElement check, long sequence, string what, string attack) =>
        Assert.True(check.GetProperty("mismatches").EnumerateArray().Any(m =>
                m.GetProperty("sequence").ValueKind == JsonValueKind.Number && m.GetProperty("sequence").GetInt64() == sequence
                && m.GetProperty("what").GetString() == what),
            $"{attack}: no '{what}' mismatch names sequence {sequence} in {check}");
}
