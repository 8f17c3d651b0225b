namespace Roster.Agent.Blocking;

/// <summary>
/// The agent's raft-like index: every write takes the next value, so each store's snapshots carry monotonic indexes.
/// Starts at 1, so no answer ever carries index 0 (clients treat 0 as "never block").
/// </summary>
internal sealed class IndexCounter
{
    private ulong _last;

    public IndexCounter(ulong start = 1) => _last = start;

    public ulong Last => Interlocked.Read(ref _last);

    public ulong Next() => Interlocked.Increment(ref _last);

    /// <summary>Moves the counter past an index restored from disk, so new writes never reuse an old index.</summary>
    public void AtLeast(ulong index)
    {
        for (var last = Last; last < index; last = Last)
        {
            if (Interlocked.CompareExchange(ref _last, index, last) == last)
            {
                return;
            }
        }
    }
}
