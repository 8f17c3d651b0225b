using System.Diagnostics.CodeAnalysis;

namespace Roster.Protocol.Durations;

/// <summary>Go's <c>time.ParseDuration</c> and <c>Duration.String()</c> over <see cref="TimeSpan"/>.</summary>
/// <remarks>
/// A Go duration counts nanoseconds in an <see cref="long"/>; a <see cref="TimeSpan"/> counts 100 ns ticks.
/// Parsing works in nanoseconds exactly as Go does (same grammar, same ±292-year overflow limit, same error texts),
/// then rounds <em>away from zero</em> to a whole tick, so a non-zero Go duration never becomes
/// <see cref="TimeSpan.Zero"/>: <c>"10ns"</c> (and Consul's <c>"TTL": 10</c>) is one tick, 100 ns, still a positive TTL.
/// Formatting is exact because every tick is a whole number of nanoseconds.
/// </remarks>
public static partial class GoDuration
{
    private const ulong Nanosecond = 1;
    private const ulong Microsecond = 1000 * Nanosecond;
    private const ulong Millisecond = 1000 * Microsecond;
    private const ulong Second = 1000 * Millisecond;
    private const ulong Minute = 60 * Second;
    private const ulong Hour = 60 * Minute;
    private const ulong Limit = 1UL << 63;

    /// <summary>Parses Go duration syntax (<c>"10s"</c>, <c>"1h30m"</c>, <c>"-1.5ms"</c>, <c>"0"</c>); false on any input Go rejects.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (text is null || !TryParseNanoseconds(text, out var nanoseconds, out _))
        {
            return false;
        }

        value = FromNanoseconds(nanoseconds);
        return true;
    }

    /// <summary>Parses Go duration syntax; a <see cref="FormatException"/> carries Go's error text, e.g. <c>time: missing unit in duration "10"</c>.</summary>
    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParseNanoseconds(text, out var nanoseconds, out var error)
            ? FromNanoseconds(nanoseconds)
            : throw new FormatException(error);
    }

    /// <summary>Converts Go nanoseconds to a <see cref="TimeSpan"/>, rounding a partial tick away from zero.</summary>
    internal static TimeSpan FromNanoseconds(long nanoseconds)
    {
        var ticks = nanoseconds / 100;
        var remainder = nanoseconds % 100;
        ticks += Math.Sign(remainder);
        return TimeSpan.FromTicks(ticks);
    }
}
