using System.Buffers;
using System.Collections;
using System.Data.Common;

namespace CaseLedger.Api.History.Changes;

/// <summary>
/// A window's changes, in version order, their JSON held in buffers rented for the request and given back when it
/// ends. A whole fieldwork week of the bench's largest inspection is 5,800 changes and 3.2 MB of JSON; an array for
/// each change made that most of what a read allocated, and the collections it set off were the read's slowest
/// moments (a profile of reads in a loop: 5.4 MB allocated for each, and a young collection every fifteen or so).
/// </summary>
public sealed class ChangeWindow : IReadOnlyList<RenderedChange>, IDisposable
{
    // Pooled, so the size only sets how many a window takes: a dozen for a whole week of the largest inspection.
    private const int ChunkSize = 256 * 1024;

    private readonly List<RenderedChange> changes = [];
    private readonly List<byte[]> rented = [];
    private int used = ChunkSize;

    public int Count => changes.Count;

    public RenderedChange this[int index] => changes[index];

    internal void Add(RenderedChange change) => changes.Add(change);

    internal void AddRange(IEnumerable<RenderedChange> more) => changes.AddRange(more);

    internal void SortByVersion() => changes.Sort((a, b) => a.Version.CompareTo(b.Version));

    /// <summary>The bytes of column <paramref name="ordinal"/> of the current row (a <c>bytea</c>), copied into the
    /// window's buffers.</summary>
    internal ReadOnlyMemory<byte> Copy(DbDataReader reader, int ordinal)
    {
        var length = (int)reader.GetBytes(ordinal, 0, null, 0, 0);
        if (length > ChunkSize - used)
        {
            rented.Add(ArrayPool<byte>.Shared.Rent(Math.Max(length, ChunkSize)));
            used = 0;
        }
        var chunk = rented[^1];
        reader.GetBytes(ordinal, 0, chunk, used, length);
        var copied = new ReadOnlyMemory<byte>(chunk, used, length);
        used += length;
        return copied;
    }

    public IEnumerator<RenderedChange> GetEnumerator() => changes.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Gives the buffers back: no change read from this window may be used after.</summary>
    public void Dispose()
    {
        foreach (var chunk in rented) ArrayPool<byte>.Shared.Return(chunk);
        rented.Clear();
        changes.Clear();
    }
}
