using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Roster.Protocol.Durations;

/// <content>Go's <c>time.ParseDuration</c> (src/time/format.go), ported line for line.</content>
public static partial class GoDuration
{
    /// <summary>Go's <c>time.ParseDuration</c>, line for line, in nanoseconds; <paramref name="error"/> is Go's message.</summary>
    internal static bool TryParseNanoseconds(string text, out long nanoseconds, [NotNullWhen(false)] out string? error)
    {
        nanoseconds = 0;
        error = null;
        var s = text.AsSpan();
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        // Special case: a bare "0" (signed or not) needs no unit.
        if (s is "0")
        {
            return true;
        }

        if (s.IsEmpty)
        {
            return Invalid(text, out error);
        }

        ulong total = 0;
        while (!s.IsEmpty)
        {
            if (!(s[0] == '.' || char.IsAsciiDigit(s[0])))
            {
                return Invalid(text, out error);
            }

            var before = s.Length;
            if (!LeadingInt(ref s, out var whole))
            {
                return Invalid(text, out error);
            }

            var hasWhole = before != s.Length;
            ulong fraction = 0;
            var scale = 1.0;
            var hasFraction = false;
            if (!s.IsEmpty && s[0] == '.')
            {
                s = s[1..];
                before = s.Length;
                LeadingFraction(ref s, out fraction, out scale);
                hasFraction = before != s.Length;
            }

            if (!hasWhole && !hasFraction)
            {
                return Invalid(text, out error);
            }

            var unitLength = 0;
            while (unitLength < s.Length && s[unitLength] != '.' && !char.IsAsciiDigit(s[unitLength]))
            {
                unitLength++;
            }

            if (unitLength == 0)
            {
                error = "time: missing unit in duration " + Quote(text);
                return false;
            }

            var unitText = s[..unitLength];
            s = s[unitLength..];
            if (!TryUnit(unitText, out var unit))
            {
                error = "time: unknown unit " + Quote(unitText.ToString()) + " in duration " + Quote(text);
                return false;
            }

            if (whole > Limit / unit)
            {
                return Invalid(text, out error);
            }

            whole *= unit;
            if (fraction > 0)
            {
                // Go goes through float64 here so that fractions of hours stay nanosecond-accurate; so do we, bit for bit.
                whole += (ulong)(fraction * (unit / scale));
                if (whole > Limit)
                {
                    return Invalid(text, out error);
                }
            }

            total += whole;
            if (total > Limit)
            {
                return Invalid(text, out error);
            }
        }

        if (negative)
        {
            nanoseconds = unchecked(-(long)total);
            return true;
        }

        if (total > long.MaxValue)
        {
            return Invalid(text, out error);
        }

        nanoseconds = (long)total;
        return true;
    }

    private static bool Invalid(string text, out string error)
    {
        error = "time: invalid duration " + Quote(text);
        return false;
    }

    private static bool TryUnit(ReadOnlySpan<char> unit, out ulong nanoseconds)
    {
        nanoseconds = unit switch
        {
            "ns" => Nanosecond,
            "us" or "\u00b5s" or "\u03bcs" => Microsecond,
            "ms" => Millisecond,
            "s" => Second,
            "m" => Minute,
            "h" => Hour,
            _ => 0,
        };
        return nanoseconds != 0;
    }

    private static bool LeadingInt(ref ReadOnlySpan<char> s, out ulong value)
    {
        value = 0;
        var i = 0;
        for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
        {
            if (value > Limit / 10)
            {
                return false;
            }

            value = (value * 10) + (ulong)(s[i] - '0');
            if (value > Limit)
            {
                return false;
            }
        }

        s = s[i..];
        return true;
    }

    private static void LeadingFraction(ref ReadOnlySpan<char> s, out ulong value, out double scale)
    {
        // Digits past what fits are consumed but ignored, as in Go: they cannot change a nanosecond result.
        value = 0;
        scale = 1;
        var overflow = false;
        var i = 0;
        for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
        {
            if (overflow)
            {
                continue;
            }

            if (value > (Limit - 1) / 10)
            {
                overflow = true;
                continue;
            }

            var next = (value * 10) + (ulong)(s[i] - '0');
            if (next > Limit)
            {
                overflow = true;
                continue;
            }

            value = next;
            scale *= 10;
        }

        s = s[i..];
    }

    /// <summary>Go's <c>time.quote</c>: ASCII as is, every other byte of the UTF-8 form as <c>\xNN</c>.</summary>
    private static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value >= 0x80 || rune.Value < ' ')
            {
                var length = rune.EncodeToUtf8(utf8);
                foreach (var b in utf8[..length])
                {
                    builder.Append(CultureInfo.InvariantCulture, $"\\x{b:x2}");
                }
            }
            else
            {
                if (rune.Value is '"' or '\\')
                {
                    builder.Append('\\');
                }

                builder.Append((char)rune.Value);
            }
        }

        return builder.Append('"').ToString();
    }
}
