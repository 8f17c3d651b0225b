using System.Globalization;
using System.Text.RegularExpressions;

namespace Roster.Templating.Parsing;

/// <summary>Go's strconv parsing with base 0: 0x/0o/0b prefixes, legacy leading-0 octal, '_' digit separators, hex floats.</summary>
internal static partial class GoStrconv
{
    /// <summary>strconv.ParseUint(s, 0, 64).</summary>
    public static bool TryParseUInt(string s, out ulong value)
    {
        value = 0;
        if (s.Length == 0 || !UnderscoreOk(s))
        {
            return false;
        }

        var (numberBase, digits) = SplitBase(s);
        if (digits.Length == 0)
        {
            return numberBase == 8 && s == "0";
        }

        foreach (var c in digits)
        {
            if (c == '_')
            {
                continue;
            }

            var d = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetter(c) ? char.ToLowerInvariant(c) - 'a' + 10 : 99;
            if (d >= numberBase)
            {
                return false;
            }

            var next = unchecked((value * (ulong)numberBase) + (ulong)d);
            if (value > ulong.MaxValue / (ulong)numberBase || next < value * (ulong)numberBase)
            {
                return false;
            }

            value = next;
        }

        return true;
    }

    /// <summary>strconv.ParseInt(s, 0, 64).</summary>
    public static bool TryParseInt(string s, out long value)
    {
        value = 0;
        var negative = s.StartsWith('-');
        var unsigned = s.Length > 0 && s[0] is '-' or '+' ? s[1..] : s;
        if (!TryParseUInt(unsigned, out var magnitude))
        {
            return false;
        }

        if (negative ? magnitude > 9223372036854775808UL : magnitude > long.MaxValue)
        {
            return false;
        }

        value = negative ? unchecked(-(long)magnitude) : (long)magnitude;
        return true;
    }

    /// <summary>strconv.ParseFloat(s, 64) for decimal and hexadecimal (0x1.8p3) literals.</summary>
    public static bool TryParseFloat(string s, out double value)
    {
        value = 0;
        if (!UnderscoreOk(s))
        {
            return false;
        }

        var clean = s.Replace("_", string.Empty, StringComparison.Ordinal);
        var sign = clean.StartsWith('-') ? -1.0 : 1.0;
        var body = clean.Length > 0 && clean[0] is '-' or '+' ? clean[1..] : clean;
        if (body.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            var match = HexFloat().Match(body);
            if (!match.Success || match.Groups[1].Length + match.Groups[2].Length == 0)
            {
                return false;
            }

            var mantissa = 0.0;
            foreach (var c in match.Groups[1].Value + match.Groups[2].Value)
            {
                mantissa = (mantissa * 16) + Convert.ToInt32(c.ToString(), 16);
            }

            var exponent = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) - (4 * match.Groups[2].Length);
            value = sign * mantissa * Math.Pow(2, exponent);
            return true;
        }

        if (!DecimalFloat().IsMatch(body) || !body.Any(char.IsAsciiDigit))
        {
            return false;
        }

        value = sign * double.Parse(body, NumberStyles.Float, CultureInfo.InvariantCulture);
        return true;
    }

    private static (int Base, string Digits) SplitBase(string s)
    {
        if (s.Length >= 3 && s[0] == '0')
        {
            switch (char.ToLowerInvariant(s[1]))
            {
                case 'b': return (2, s[2..]);
                case 'o': return (8, s[2..]);
                case 'x': return (16, s[2..]);
            }
        }

        return s.Length > 1 && s[0] == '0' ? (8, s[1..]) : s == "0" ? (8, string.Empty) : (10, s);
    }

    /// <summary>strconv's underscoreOK: underscores may only separate digits (a base prefix counts as one).</summary>
    private static bool UnderscoreOk(string s)
    {
        var saw = '^';
        var i = s.Length > 0 && s[0] is '-' or '+' ? 1 : 0;
        var hex = false;
        if (s.Length - i >= 2 && s[i] == '0' && char.ToLowerInvariant(s[i + 1]) is 'b' or 'o' or 'x')
        {
            hex = char.ToLowerInvariant(s[i + 1]) == 'x';
            i += 2;
            saw = '0';
        }

        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c) || (hex && char.IsAsciiHexDigit(c)))
            {
                saw = '0';
                continue;
            }

            if (c == '_')
            {
                if (saw != '0')
                {
                    return false;
                }

                saw = '_';
                continue;
            }

            if (saw == '_')
            {
                return false;
            }

            saw = '!';
        }

        return saw != '_';
    }

    [GeneratedRegex(@"^0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?[0-9]+)$")]
    private static partial Regex HexFloat();

    [GeneratedRegex(@"^[0-9]*(\.[0-9]*)?([eE][+-]?[0-9]+)?$")]
    private static partial Regex DecimalFloat();
}
