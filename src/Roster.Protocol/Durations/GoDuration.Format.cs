namespace Roster.Protocol.Durations;

/// <content>Go's <c>Duration.String()</c>.</content>
public static partial class GoDuration
{
    /// <summary>Formats as Go's <c>Duration.String()</c>: <c>0s</c>, <c>500ms</c>, <c>1.5s</c>, <c>1m0s</c>, <c>1h30m0s</c>, <c>1µs</c>.</summary>
    /// <remarks>
    /// A <see cref="TimeSpan"/> reaches about ±29,000 years, far past Go's ±292; such values still format with Go's
    /// algorithm, but Go's parser would reject the text, so keep wire values inside Go's range.
    /// </remarks>
    public static string Format(TimeSpan value) => Format((Int128)value.Ticks * 100);

    /// <summary>Formats a raw Go duration (nanoseconds), exactly as Go would.</summary>
    internal static string FormatNanoseconds(long nanoseconds) => Format(nanoseconds);

    private static string Format(Int128 nanoseconds)
    {
        // Largest TimeSpan is 256204778h48m5.4775807s, 24 characters; 40 leaves room for the sign and the µ.
        Span<char> buffer = stackalloc char[40];
        var w = buffer.Length;
        var negative = nanoseconds < 0;
        var u = (UInt128)(negative ? -nanoseconds : nanoseconds);

        if (u == 0)
        {
            return "0s";
        }

        if (u < Second)
        {
            // Under a second Go switches to the largest unit that keeps a non-zero leading digit.
            buffer[--w] = 's';
            int precision;
            if (u < Microsecond)
            {
                precision = 0;
                buffer[--w] = 'n';
            }
            else if (u < Millisecond)
            {
                precision = 3;
                buffer[--w] = '\u00b5';
            }
            else
            {
                precision = 6;
                buffer[--w] = 'm';
            }

            u = FormatFraction(buffer, ref w, u, precision);
            FormatInteger(buffer, ref w, u);
        }
        else
        {
            buffer[--w] = 's';
            u = FormatFraction(buffer, ref w, u, 9);
            FormatInteger(buffer, ref w, u % 60);
            u /= 60;
            if (u > 0)
            {
                buffer[--w] = 'm';
                FormatInteger(buffer, ref w, u % 60);
                u /= 60;

                // Hours are the largest unit: a day is not always 24 hours.
                if (u > 0)
                {
                    buffer[--w] = 'h';
                    FormatInteger(buffer, ref w, u);
                }
            }
        }

        if (negative)
        {
            buffer[--w] = '-';
        }

        return new string(buffer[w..]);
    }

    /// <summary>Writes the fraction of <paramref name="v"/>/10^<paramref name="precision"/> without trailing zeros (and no dot if it is zero); returns the integer part.</summary>
    private static UInt128 FormatFraction(Span<char> buffer, ref int w, UInt128 v, int precision)
    {
        var print = false;
        for (var i = 0; i < precision; i++)
        {
            var digit = (int)(v % 10);
            print = print || digit != 0;
            if (print)
            {
                buffer[--w] = (char)('0' + digit);
            }

            v /= 10;
        }

        if (print)
        {
            buffer[--w] = '.';
        }

        return v;
    }

    private static void FormatInteger(Span<char> buffer, ref int w, UInt128 v)
    {
        if (v == 0)
        {
            buffer[--w] = '0';
            return;
        }

        while (v > 0)
        {
            buffer[--w] = (char)('0' + (int)(v % 10));
            v /= 10;
        }
    }
}
