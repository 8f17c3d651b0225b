using System.Globalization;
using System.Text;

namespace Roster.Protocol.Json;

/// <summary>The bits of Go's text formatting that appear in Consul's decode errors.</summary>
internal static class GoText
{
    /// <summary>Go's <c>%q</c> (<c>strconv.Quote</c>): printable text as is, the rest escaped.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var rune in text.EnumerateRunes())
        {
            AppendEscaped(builder, rune, '"');
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Go's <c>quoteChar</c> from encoding/json: one byte in single quotes, as in <c>invalid character 'x'</c>.</summary>
    public static string QuoteByte(byte c) => c switch
    {
        (byte)'\'' => @"'\''",
        (byte)'"' => "'\"'",
        _ => "'" + Escape(c) + "'",
    };

    private static string Escape(byte c)
    {
        // Go turns the byte into the rune of the same number, so 0xE9 reads 'é' and 0x85 reads '\u0085'.
        var builder = new StringBuilder();
        AppendEscaped(builder, new Rune(c), '\'');
        return builder.ToString();
    }

    private static void AppendEscaped(StringBuilder builder, Rune rune, char quote)
    {
        switch (rune.Value)
        {
            case '\a': builder.Append(@"\a"); return;
            case '\b': builder.Append(@"\b"); return;
            case '\f': builder.Append(@"\f"); return;
            case '\n': builder.Append(@"\n"); return;
            case '\r': builder.Append(@"\r"); return;
            case '\t': builder.Append(@"\t"); return;
            case '\v': builder.Append(@"\v"); return;
            case '\\': builder.Append(@"\\"); return;
        }

        if (rune.Value == quote)
        {
            builder.Append('\\').Append(quote);
        }
        else if (IsPrint(rune))
        {
            builder.Append(rune.ToString());
        }
        else if (rune.Value < 0x80)
        {
            builder.Append(CultureInfo.InvariantCulture, $"\\x{rune.Value:x2}");
        }
        else if (rune.Value <= 0xFFFF)
        {
            builder.Append(CultureInfo.InvariantCulture, $"\\u{rune.Value:x4}");
        }
        else
        {
            builder.Append(CultureInfo.InvariantCulture, $"\\U{rune.Value:x8}");
        }
    }

    /// <summary>Close to Go's <c>unicode.IsPrint</c>: letters, marks, numbers, punctuation, symbols and the ASCII space.</summary>
    private static bool IsPrint(Rune rune) => rune.Value == ' ' || Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator => false,
        _ => true,
    };
}
