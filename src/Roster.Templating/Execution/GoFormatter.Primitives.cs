using System.Globalization;
using System.Text;
using Roster.Templating.Parsing;

namespace Roster.Templating.Execution;

/// <summary>Go's fmt.fmt: padding and the integer, float and string verbs.</summary>
internal static partial class GoFormatter
{
    private static void Pad(StringBuilder sb, string s, FormatSpec spec)
    {
        var width = spec.Width ?? 0;
        var length = s.EnumerateRunes().Count();
        if (width <= length)
        {
            sb.Append(s);
            return;
        }

        if (spec.Minus)
        {
            sb.Append(s).Append(' ', width - length);
        }
        else
        {
            sb.Append(spec.Zero ? '0' : ' ', width - length).Append(s);
        }
    }

    private static void FormatString(StringBuilder sb, string s, char verb, FormatSpec spec, object arg, int depth)
    {
        if (spec.Precision is { } precision)
        {
            var runes = s.EnumerateRunes().Take(precision);
            s = string.Concat(runes.Select(r => r.ToString()));
        }

        switch (verb)
        {
            case 'v' or 's':
                Pad(sb, s, spec);
                break;
            case 'q':
                Pad(sb, spec.Sharp && GoQuote.CanBackquote(s) ? "`" + s + "`" : spec.Plus ? GoQuote.QuoteAscii(s) : GoQuote.Quote(s), spec);
                break;
            case 'x' or 'X':
                var hex = Convert.ToHexString(Encoding.UTF8.GetBytes(s));
                hex = verb == 'x' ? hex.ToLowerInvariant() : hex;
                Pad(sb, spec.Sharp && hex.Length > 0 ? (verb == 'x' ? "0x" : "0X") + hex : hex, spec);
                break;
            default:
                BadVerb(sb, arg, verb, spec, depth);
                break;
        }
    }

    private static void FormatInteger(StringBuilder sb, ulong magnitude, bool negative, char verb, FormatSpec spec, object arg, int depth)
    {
        switch (verb)
        {
            case 'c':
                Pad(sb, RuneText(magnitude, negative), spec);
                return;
            case 'q':
                Pad(sb, GoQuote.QuoteRune(negative || magnitude > 0x10FFFF ? 0xFFFD : (int)magnitude), spec);
                return;
            case 'U':
                var unicode = string.Create(CultureInfo.InvariantCulture, $"U+{magnitude:X4}");
                Pad(sb, spec.Sharp && !negative && magnitude <= 0x10FFFF ? $"{unicode} '{RuneText(magnitude, negative)}'" : unicode, spec);
                return;
            case not ('v' or 'd' or 'b' or 'o' or 'O' or 'x' or 'X'):
                BadVerb(sb, arg, verb, spec, depth);
                return;
        }

        var numberBase = verb switch { 'b' => 2, 'o' or 'O' => 8, 'x' or 'X' => 16, _ => 10 };
        var digits = magnitude == 0 ? "0" : ToBase(magnitude, numberBase, verb == 'X');
        var minDigits = 0;
        if (spec.Precision is { } precision)
        {
            if (precision == 0 && magnitude == 0)
            {
                Pad(sb, string.Empty, spec with { Zero = false });
                return;
            }

            minDigits = precision;
        }
        else if (spec.Zero && !spec.Minus && spec.Width is { } width)
        {
            minDigits = negative || spec.Plus || spec.Space ? width - 1 : width;
        }

        if (digits.Length < minDigits)
        {
            digits = new string('0', minDigits - digits.Length) + digits;
        }

        var prefix = (spec.Sharp, numberBase) switch
        {
            (true, 2) => "0b",
            (true, 8) when digits[0] != '0' => "0",
            (true, 16) => verb == 'X' ? "0X" : "0x",
            _ => string.Empty,
        };
        prefix = verb == 'O' ? "0o" : prefix;
        var sign = negative ? "-" : spec.Plus ? "+" : spec.Space ? " " : string.Empty;
        Pad(sb, sign + prefix + digits, spec with { Zero = false });
    }

    private static string RuneText(ulong value, bool negative) =>
        !negative && value <= 0x10FFFF && Rune.IsValid((int)value) ? new Rune((int)value).ToString() : "\uFFFD";

    private static string ToBase(ulong value, int numberBase, bool upper)
    {
        var chars = new Stack<char>();
        var alphabet = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        for (; value > 0; value /= (ulong)numberBase)
        {
            chars.Push(alphabet[(int)(value % (ulong)numberBase)]);
        }

        return new string([.. chars]);
    }

    private static void FormatFloat(StringBuilder sb, double value, int bitSize, char verb, FormatSpec spec, object arg, int depth)
    {
        char format;
        int precision;
        switch (verb)
        {
            case 'v': (format, precision) = ('g', -1); break;
            case 'g' or 'G': (format, precision) = (verb, -1); break;
            case 'e' or 'E' or 'f': (format, precision) = (verb, 6); break;
            case 'F': (format, precision) = ('f', 6); break;
            default:
                BadVerb(sb, arg, verb, spec, depth);
                return;
        }

        if (spec.Precision is { } explicitPrecision && verb != 'v')
        {
            precision = explicitPrecision;
        }

        var num = GoFloat.Format(value, format, precision, bitSize);
        var sign = num[0] is '-' or '+' ? num[0] : '+';
        var unsigned = num[0] is '-' or '+' ? num[1..] : num;
        if (spec.Space && sign == '+' && !spec.Plus)
        {
            sign = ' ';
        }

        if (unsigned is "Inf" or "NaN")
        {
            // Infinities keep their sign (+Inf); NaN shows one only when asked for.
            var keepSign = unsigned == "Inf" || spec.Plus || spec.Space;
            Pad(sb, keepSign ? sign + unsigned : unsigned, spec with { Zero = false });
            return;
        }

        if (spec.Plus || sign != '+')
        {
            if (spec.Zero && !spec.Minus && spec.Width is { } width && width > unsigned.Length + 1)
            {
                sb.Append(sign).Append('0', width - unsigned.Length - 1).Append(unsigned);
                return;
            }

            Pad(sb, sign + unsigned, spec);
            return;
        }

        Pad(sb, unsigned, spec);
    }
}
