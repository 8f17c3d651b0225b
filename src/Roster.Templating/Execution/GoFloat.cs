using System.Globalization;
using System.Text;

namespace Roster.Templating.Execution;

/// <summary>
/// Go's strconv.FormatFloat for the 'e', 'f' and 'g' formats. .NET supplies correctly rounded digits
/// (shortest round-trip, or a fixed count); Go's rules decide where the point and exponent go.
/// </summary>
internal static class GoFloat
{
    /// <summary>Formats like strconv.FormatFloat(v, fmt, prec, bitSize); prec &lt; 0 means shortest.</summary>
    public static string Format(double v, char fmt, int prec, int bitSize = 64)
    {
        if (double.IsNaN(v))
        {
            return "NaN";
        }

        if (double.IsInfinity(v))
        {
            return v > 0 ? "+Inf" : "-Inf";
        }

        var shortest = prec < 0;
        var lower = char.ToLowerInvariant(fmt);
        string raw;
        if (shortest)
        {
            raw = bitSize == 32 ? ((float)v).ToString("R", CultureInfo.InvariantCulture) : v.ToString("R", CultureInfo.InvariantCulture);
        }
        else
        {
            raw = lower switch
            {
                'e' => v.ToString("E" + prec.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
                'f' => v.ToString("F" + prec.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
                _ => v.ToString("E" + Math.Max(prec - 1, 0).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            };
        }

        var (negative, digits, dp) = Decompose(raw);
        var nd = digits.Length;
        switch (lower)
        {
            case 'e':
                return FormatE(negative, digits, dp, shortest ? nd - 1 : prec, fmt);
            case 'f':
                return FormatF(negative, digits, dp, shortest ? Math.Max(nd - dp, 0) : prec);
            default:
                if (shortest)
                {
                    prec = nd;
                }
                else if (prec == 0)
                {
                    prec = 1;
                }

                var eprec = prec;
                if (eprec > nd && nd >= dp)
                {
                    eprec = nd;
                }

                // %e is used if the exponent is less than -4 or at least the precision (6 when shortest).
                if (shortest)
                {
                    eprec = 6;
                }

                var exp = dp - 1;
                if (exp < -4 || exp >= eprec)
                {
                    return FormatE(negative, digits, dp, Math.Min(prec, nd) - 1, fmt == 'G' ? 'E' : 'e');
                }

                return FormatF(negative, digits, dp, Math.Max((prec > dp ? nd : prec) - dp, 0));
        }
    }

    /// <summary>Splits .NET's output into sign, significant digits (no leading/trailing zeros) and decimal point position.</summary>
    private static (bool Negative, string Digits, int DecimalPoint) Decompose(string raw)
    {
        var negative = raw.StartsWith('-');
        var body = negative ? raw[1..] : raw;
        var exponent = 0;
        var e = body.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(body[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            body = body[..e];
        }

        var point = body.IndexOf('.', StringComparison.Ordinal);
        var intLength = point < 0 ? body.Length : point;
        var digits = body.Replace(".", string.Empty, StringComparison.Ordinal);
        var leading = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        return (negative, digits, digits.Length == 0 ? 0 : intLength - leading + exponent);
    }

    private static string FormatE(bool negative, string d, int dp, int prec, char fmt)
    {
        var sb = new StringBuilder();
        if (negative)
        {
            sb.Append('-');
        }

        sb.Append(d.Length == 0 ? '0' : d[0]);
        if (prec > 0)
        {
            sb.Append('.');
            var m = Math.Min(d.Length, prec + 1);
            if (m > 1)
            {
                sb.Append(d, 1, m - 1);
            }

            sb.Append('0', prec + 1 - Math.Max(m, 1));
        }

        var exp = d.Length == 0 ? 0 : dp - 1;
        sb.Append(fmt).Append(exp < 0 ? '-' : '+');
        exp = Math.Abs(exp);
        return sb.Append(exp < 10 ? "0" : string.Empty).Append(exp.ToString(CultureInfo.InvariantCulture)).ToString();
    }

    private static string FormatF(bool negative, string d, int dp, int prec)
    {
        var sb = new StringBuilder();
        if (negative)
        {
            sb.Append('-');
        }

        if (dp > 0)
        {
            var m = Math.Min(d.Length, dp);
            sb.Append(d, 0, m).Append('0', dp - m);
        }
        else
        {
            sb.Append('0');
        }

        if (prec > 0)
        {
            sb.Append('.');
            for (var i = 1; i <= prec; i++)
            {
                var j = dp + i - 1;
                sb.Append(j >= 0 && j < d.Length ? d[j] : '0');
            }
        }

        return sb.ToString();
    }
}
