using System.Globalization;
using System.Text.RegularExpressions;

namespace Roster.Templating.Functions;

/// <summary>
/// consul-template's parseBool, parseInt, parseUint and parseFloat: Go's strconv rules and error texts, with "" meaning
/// the zero value, and each error wrapped with the function's name as consul-template's errors.Wrap does.
/// </summary>
internal static partial class ConversionFunctions
{
    public static bool ParseBool(string s) => s switch
    {
        "" => false,
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => throw Syntax("parseBool", "ParseBool", s),
    };

    public static long ParseInt(string s)
    {
        if (s.Length == 0)
        {
            return 0;
        }

        if (!GoInteger().IsMatch(s))
        {
            throw Syntax("parseInt", "ParseInt", s);
        }

        return long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Range("parseInt", "ParseInt", s);
    }

    public static ulong ParseUint(string s)
    {
        if (s.Length == 0)
        {
            return 0;
        }

        // ParseUint takes no sign at all.
        if (!GoInteger().IsMatch(s) || s[0] is '+' or '-')
        {
            throw Syntax("parseUint", "ParseUint", s);
        }

        return ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Range("parseUint", "ParseUint", s);
    }

    public static double ParseFloat(string s)
    {
        if (s.Length == 0)
        {
            return 0;
        }

        // Go's special values: an optionally signed "inf"/"infinity" and an unsigned "nan", any case.
        var body = s[0] is '+' or '-' ? s[1..] : s;
        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase) || body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            return s[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
        }

        if (s.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            return double.NaN;
        }

        if (!GoDecimalFloat().IsMatch(s))
        {
            throw Syntax("parseFloat", "ParseFloat", s);
        }

        var value = double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsInfinity(value) ? throw Range("parseFloat", "ParseFloat", s) : value;
    }

    private static InvalidOperationException Syntax(string name, string function, string s) =>
        new($"{name}: strconv.{function}: parsing {GoQuote.Quote(s)}: invalid syntax");

    private static InvalidOperationException Range(string name, string function, string s) =>
        new($"{name}: strconv.{function}: parsing {GoQuote.Quote(s)}: value out of range");

    [GeneratedRegex(@"\A[+-]?[0-9]+\z")]
    private static partial Regex GoInteger();

    // Decimal floats only; Go's hexadecimal floats (0x1p-2) and digit underscores are not supported here.
    [GeneratedRegex(@"\A[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?\z")]
    private static partial Regex GoDecimalFloat();
}
