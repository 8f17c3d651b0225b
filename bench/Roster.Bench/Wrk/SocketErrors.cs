namespace Roster.Bench.Wrk;

/// <summary>wrk's socket errors by kind: refused connects, broken reads and writes, and requests with no answer within 2 s.</summary>
internal sealed record SocketErrors(long Connect, long Read, long Write, long Timeout)
{
    public long Total => Connect + Read + Write + Timeout;

    public override string ToString() => $"{Connect}/{Read}/{Write}/{Timeout}";
}
