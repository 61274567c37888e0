using System.Buffers;
using System.Data.Common;
using Npgsql;
using Weasel.Core;
using ISerializer = Marten.ISerializer;
using SystemTextJsonSerializer = Marten.Services.SystemTextJsonSerializer;

namespace CaseLedger.Api.Infrastructure;

/// <summary>
/// Marten's System.Text.Json serializer, except that a document or event read from a row is deserialised on the
/// synchronous path. Marten's asynchronous path hands System.Text.Json the column as a stream, which puts every
/// converter in its resumable mode; profiles of the daemon, a rebuild, history and verify all had that path at the
/// top (<c>ReadConstructorArgumentsWithContinuation</c>). Marten never opens a reader with
/// <c>SequentialAccess</c>, so by the time a row is read its columns are in memory, and the synchronous read (a
/// copy into a rented buffer and one <c>Deserialize</c> over it) waits on nothing. Everything else, writing
/// included, is Marten's own serializer unchanged.
/// </summary>
public sealed class BufferedRowSerializer(SystemTextJsonSerializer inner) : ISerializer
{
    public EnumStorage EnumStorage => inner.EnumStorage;

    public Casing Casing => inner.Casing;

    public ValueCasting ValueCasting => inner.ValueCasting;

    public ValueTask<T> FromJsonAsync<T>(DbDataReader reader, int index, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(inner.FromJson<T>(reader, index));

    public ValueTask<object> FromJsonAsync(Type type, DbDataReader reader, int index, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(inner.FromJson(type, reader, index));

    public T FromJson<T>(DbDataReader reader, int index) => inner.FromJson<T>(reader, index);

    public object FromJson(Type type, DbDataReader reader, int index) => inner.FromJson(type, reader, index);

    public T FromJson<T>(Stream stream) => inner.FromJson<T>(stream);

    public object FromJson(Type type, Stream stream) => inner.FromJson(type, stream);

    public ValueTask<T> FromJsonAsync<T>(Stream stream, CancellationToken cancellationToken = default) => inner.FromJsonAsync<T>(stream, cancellationToken);

    public ValueTask<object> FromJsonAsync(Type type, Stream stream, CancellationToken cancellationToken = default) =>
        inner.FromJsonAsync(type, stream, cancellationToken);

    public string ToJson(object? document) => inner.ToJson(document);

    public void WriteTo(IBufferWriter<byte> writer, object? value) => inner.WriteTo(writer, value);

    public string ToCleanJson(object? document) => inner.ToCleanJson(document);

    public void WriteToCleanJson(IBufferWriter<byte> writer, object? value) => inner.WriteToCleanJson(writer, value);

    public string ToJsonWithTypes(object document) => inner.ToJsonWithTypes(document);

    public void WriteToJsonWithTypes(IBufferWriter<byte> writer, object document) => inner.WriteToJsonWithTypes(writer, document);

    public void WriteToParameter(NpgsqlParameter parameter, object? value) => inner.WriteToParameter(parameter, value);

    public void WriteToParameter(DbParameter parameter, object? value) => ((Weasel.Storage.IStorageSerializer)inner).WriteToParameter(parameter, value);
}
