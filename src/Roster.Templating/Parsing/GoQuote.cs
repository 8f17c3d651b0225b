using System.Globalization;
using System.Text;

namespace Roster.Templating.Parsing;

/// <summary>Go's strconv.Quote and unicode.IsPrint, which parse errors and printf's %q share.</summary>
internal static class GoQuote
{
    public static string Quote(string s) => Quote(s, '"', asciiOnly: false);

    public static string QuoteAscii(string s) => Quote(s, '"', asciiOnly: true);

    public static string QuoteRune(int rune) =>
        Quote(Rune.IsValid(rune) ? new Rune(rune).ToString() : "\uFFFD", '\'', asciiOnly: false);

    /// <summary>Go's strconv.CanBackquote: %#q uses a raw string when this holds.</summary>
    public static bool CanBackquote(string s)
    {
        foreach (var rune in s.EnumerateRunes())
        {
            var r = rune.Value;
            if (r == '`' || r == 0xFEFF || (r < ' ' && r != '\t') || r == 0x7F)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.</summary>
    public static bool IsPrint(Rune rune)
    {
        if (rune.Value == ' ')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.SpaceSeparator => false,
            _ => true,
        };
    }

    private static string Quote(string s, char quote, bool asciiOnly)
    {
        var sb = new StringBuilder(s.Length + 2);
        sb.Append(quote);
        foreach (var rune in s.EnumerateRunes())
        {
            AppendRune(sb, rune, quote, asciiOnly);
        }

        sb.Append(quote);
        return sb.ToString();
    }

    private static void AppendRune(StringBuilder sb, Rune rune, char quote, bool asciiOnly)
    {
        var r = rune.Value;
        if (r == quote || r == '\\')
        {
            sb.Append('\\').Append((char)r);
            return;
        }

        if (asciiOnly ? r < 0x80 && IsPrint(rune) : IsPrint(rune))
        {
            sb.Append(rune.ToString());
            return;
        }

        switch (r)
        {
            case '\a': sb.Append("\\a"); return;
            case '\b': sb.Append("\\b"); return;
            case '\f': sb.Append("\\f"); return;
            case '\n': sb.Append("\\n"); return;
            case '\r': sb.Append("\\r"); return;
            case '\t': sb.Append("\\t"); return;
            case '\v': sb.Append("\\v"); return;
        }

        if (r < ' ' || r == 0x7F)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\\x{r:x2}");
        }
        else if (r < 0x10000)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\\u{r:x4}");
        }
        else
        {
            sb.Append(CultureInfo.InvariantCulture, $"\\U{r:x8}");
        }
    }
}
