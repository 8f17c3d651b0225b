namespace Roster.Bench.Wrk;

/// <summary>
/// wrk's socket errors by kind: failed connects, reads and writes, and "timeout", which wrk 4.1 counts for a reply that
/// did come but more than 2 s (its --timeout) after the request (response_complete in wrk.c); such a reply is left out
/// of the latency figures.
/// </summary>
internal sealed record SocketErrors(long Connect, long Read, long Write, long Timeout)
{
    public long Total => Connect + Read + Write + Timeout;

    /// <summary>The requests that got no reply: a refused or broken connection.</summary>
    public long Failed => Connect + Read + Write;

    public override string ToString() => $"{Connect}/{Read}/{Write}/{Timeout}";
}
