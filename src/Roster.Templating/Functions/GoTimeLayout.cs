using System.Globalization;
using System.Text;

namespace Roster.Templating.Functions;

/// <summary>
/// Go's time.Format for a UTC instant: walks the layout the way Go's nextStdChunk does, replacing the reference time's
/// elements (2006 01 02 15 04 05 Jan Mon MST Z07:00 .000 ...) and copying everything else.
/// </summary>
internal static class GoTimeLayout
{
    private static readonly string[] Months = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;

    public static string Format(DateTimeOffset instant, string layout)
    {
        var t = instant.UtcDateTime;
        var sb = new StringBuilder(layout.Length + 8);
        var i = 0;
        while (i < layout.Length)
        {
            var (token, length) = Next(layout, i);
            if (length == 0)
            {
                sb.Append(layout[i++]);
                continue;
            }

            sb.Append(Render(t, token, layout.Substring(i, length)));
            i += length;
        }

        return sb.ToString();
    }

    // The token at position i and its length, or length 0 when layout[i] starts no token.
    private static (string Token, int Length) Next(string l, int i)
    {
        bool At(string s) => string.CompareOrdinal(l, i, s, 0, s.Length) == 0;
        bool LowerAfter(int n) => i + n < l.Length && char.IsAsciiLetterLower(l[i + n]);
        switch (l[i])
        {
            case 'J' when At("January"): return ("January", 7);
            case 'J' when At("Jan") && !LowerAfter(3): return ("Jan", 3);
            case 'M' when At("Monday"): return ("Monday", 6);
            case 'M' when At("Mon") && !LowerAfter(3): return ("Mon", 3);
            case 'M' when At("MST"): return ("MST", 3);
            case '0' when i + 1 < l.Length && l[i + 1] is >= '1' and <= '6': return (l.Substring(i, 2), 2);
            case '0' when At("002"): return ("002", 3);
            case '1' when At("15"): return ("15", 2);
            case '1': return ("1", 1);
            case '2' when At("2006"): return ("2006", 4);
            case '2': return ("2", 1);
            case '_' when At("_2") && !At("_2006"): return ("_2", 2);
            case '_' when At("__2"): return ("__2", 3);
            case '3': return ("3", 1);
            case '4': return ("4", 1);
            case '5': return ("5", 1);
            case 'P' when At("PM"): return ("PM", 2);
            case 'p' when At("pm"): return ("pm", 2);
            case '-' or 'Z':
                foreach (var zone in new[] { "070000", "07:00:00", "0700", "07:00", "07" })
                {
                    if (string.CompareOrdinal(l, i + 1, zone, 0, zone.Length) == 0)
                    {
                        return (l[i] + zone, zone.Length + 1);
                    }
                }

                return ("", 0);
            case '.' or ',' when i + 1 < l.Length && l[i + 1] is '0' or '9':
                var j = i + 1;
                while (j < l.Length && l[j] == l[i + 1])
                {
                    j++;
                }

                // Only a fraction when the run of digits is not followed by another digit.
                return j < l.Length && char.IsAsciiDigit(l[j]) ? ("", 0) : ("frac", j - i);
            default: return ("", 0);
        }
    }

    private static string Render(DateTime t, string token, string text) => token switch
    {
        "January" => Months[t.Month - 1],
        "Jan" => Months[t.Month - 1][..3],
        "Monday" => t.DayOfWeek.ToString(),
        "Mon" => t.DayOfWeek.ToString()[..3],
        "MST" => "UTC",
        "01" => Pad(t.Month, 2),
        "02" => Pad(t.Day, 2),
        "03" => Pad(Hour12(t), 2),
        "04" => Pad(t.Minute, 2),
        "05" => Pad(t.Second, 2),
        "06" => Pad(t.Year % 100, 2),
        "002" => Pad(t.DayOfYear, 3),
        "__2" => t.DayOfYear.ToString(CultureInfo.InvariantCulture).PadLeft(3),
        "15" => Pad(t.Hour, 2),
        "1" => Pad(t.Month, 1),
        "2006" => Pad(t.Year, 4),
        "2" => Pad(t.Day, 1),
        "_2" => t.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2),
        "3" => Pad(Hour12(t), 1),
        "4" => Pad(t.Minute, 1),
        "5" => Pad(t.Second, 1),
        "PM" => t.Hour >= 12 ? "PM" : "AM",
        "pm" => t.Hour >= 12 ? "pm" : "am",
        "frac" => Fraction(t, text),
        // UTC: the Z forms print "Z", the numeric forms a zero offset of the same shape.
        _ when token[0] == 'Z' => "Z",
        _ => "+" + token[1..].Replace('7', '0'),
    };

    private static string Fraction(DateTime t, string text)
    {
        var digits = (t.Ticks % TimeSpan.TicksPerSecond * 100).ToString("D9", CultureInfo.InvariantCulture);
        var width = text.Length - 1;
        var shown = width <= 9 ? digits[..width] : digits.PadRight(width, '0');
        if (text[1] == '9')
        {
            // .999 drops trailing zeros, and the separator too when nothing is left.
            shown = shown.TrimEnd('0');
            return shown.Length == 0 ? "" : text[0] + shown;
        }

        return text[0] + shown;
    }

    private static int Hour12(DateTime t) => t.Hour % 12 == 0 ? 12 : t.Hour % 12;

    private static string Pad(int value, int width) => value.ToString("D" + width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
