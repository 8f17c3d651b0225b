using System.Text;

namespace Roster.Templating.Execution;

/// <summary>Go's fmt.Sprintf: flags, width, precision (with *), and Go's %!verb(…) reports for bad or missing operands.</summary>
internal static class GoPrintf
{
    /// <summary>Go's fmt tooLarge: widths and precisions beyond a million are refused.</summary>
    private const int TooLarge = 1_000_000;

    public static string Sprintf(string format, IReadOnlyList<object?> args)
    {
        var sb = new StringBuilder();
        var argNum = 0;
        var i = 0;
        while (i < format.Length)
        {
            var percent = format.IndexOf('%', i);
            if (percent < 0)
            {
                sb.Append(format, i, format.Length - i);
                break;
            }

            sb.Append(format, i, percent - i);
            i = percent + 1;
            var (minus, plus, sharp, space, zero) = (false, false, false, false, false);
            for (; i < format.Length; i++)
            {
                switch (format[i])
                {
                    case '#': sharp = true; continue;
                    case '0': zero = true; continue;
                    case '+': plus = true; continue;
                    case '-': minus = true; continue;
                    case ' ': space = true; continue;
                }

                break;
            }

            int? width;
            if (i < format.Length && format[i] == '*')
            {
                i++;
                width = IntFromArg(args, ref argNum);
                if (width is null)
                {
                    sb.Append("%!(BADWIDTH)");
                }
                else if (width < 0)
                {
                    (width, minus, zero) = (-width, true, false);
                }
            }
            else
            {
                width = ParseNumber(format, ref i);
            }

            int? precision = null;
            if (i + 1 < format.Length && format[i] == '.')
            {
                i++;
                if (format[i] == '*')
                {
                    i++;
                    precision = IntFromArg(args, ref argNum);
                    if (precision is null or < 0)
                    {
                        sb.Append(precision is null ? "%!(BADPREC)" : string.Empty);
                        precision = null;
                    }
                }
                else
                {
                    precision = ParseNumber(format, ref i) ?? 0;
                }
            }

            if (i >= format.Length)
            {
                sb.Append("%!(NOVERB)");
                break;
            }

            var verb = format[i++];
            var spec = new FormatSpec(minus, plus, sharp, space, zero, width, precision);
            if (verb == '%')
            {
                sb.Append('%');
            }
            else if (argNum >= args.Count)
            {
                sb.Append("%!").Append(verb).Append("(MISSING)");
            }
            else
            {
                GoFormatter.FormatArg(sb, args[argNum++], verb, verb == 'v' ? spec with { Plus = false, Sharp = false, PlusV = plus } : spec, 0);
            }
        }

        if (argNum < args.Count)
        {
            sb.Append("%!(EXTRA ");
            for (var k = argNum; k < args.Count; k++)
            {
                sb.Append(k > argNum ? ", " : string.Empty);
                if (args[k] is null)
                {
                    sb.Append("<nil>");
                    continue;
                }

                sb.Append(GoTypes.NameOf(args[k])).Append('=');
                GoFormatter.FormatArg(sb, args[k], 'v', FormatSpec.None, 0);
            }

            sb.Append(')');
        }

        return sb.ToString();
    }

    /// <summary>
    /// Go's parsenum: digits of a width or precision. A number past a million is "crazy long" to Go, which gives up on
    /// the rest of the format (%!(NOVERB)) rather than pad a value to gigabytes.
    /// </summary>
    private static int? ParseNumber(string format, ref int i)
    {
        var start = i;
        var value = 0;
        for (; i < format.Length && char.IsAsciiDigit(format[i]); i++)
        {
            if (value > TooLarge)
            {
                i = format.Length;
                return null;
            }

            value = (value * 10) + (format[i] - '0');
        }

        return i > start ? value : null;
    }

    private static int? IntFromArg(IReadOnlyList<object?> args, ref int argNum)
    {
        if (argNum >= args.Count)
        {
            return null;
        }

        var ok = GoValues.TryGetInt64(args[argNum++], out var value) && value is >= -TooLarge and <= TooLarge;
        return ok ? (int)value : null;
    }
}
