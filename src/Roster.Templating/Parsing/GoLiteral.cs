using System.Globalization;
using System.Text;

namespace Roster.Templating.Parsing;

/// <summary>Go's strconv.Unquote and UnquoteChar for string, raw string and character constants.</summary>
internal static class GoLiteral
{
    /// <summary>Unquotes a "…" or `…` literal; returns null on invalid syntax (Go's strconv.ErrSyntax).</summary>
    public static string? Unquote(string literal)
    {
        if (literal.Length < 2 || literal[^1] != literal[0])
        {
            return null;
        }

        var body = literal[1..^1];
        if (literal[0] == '`')
        {
            // Go drops carriage returns from raw strings so CRLF sources give the same value.
            return body.Contains('`', StringComparison.Ordinal) ? null : body.Replace("\r", string.Empty, StringComparison.Ordinal);
        }

        if (literal[0] != '"')
        {
            return null;
        }

        // Escapes such as \xff produce raw bytes, so decode the whole literal as UTF-8 at the end.
        var bytes = new List<byte>(body.Length);
        var i = 0;
        while (i < body.Length)
        {
            if (body[i] == '"' || body[i] == '\n')
            {
                return null;
            }

            if (!TryUnquoteChar(body, ref i, '"', bytes, out _))
            {
                return null;
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    /// <summary>Decodes a '…' character constant to its rune value, or returns an error message.</summary>
    public static bool TryUnquoteCharConstant(string text, out long value, out string? error)
    {
        value = 0;
        error = null;
        var i = 1;
        if (text.Length < 3 || text[0] != '\'' || text[1] == '\'' || !TryUnquoteChar(text, ref i, '\'', null, out var rune))
        {
            error = "invalid syntax";
            return false;
        }

        if (i != text.Length - 1 || text[i] != '\'')
        {
            error = "malformed character constant: " + text;
            return false;
        }

        value = rune;
        return true;
    }

    private static bool TryUnquoteChar(string s, ref int i, char quote, List<byte>? bytes, out int rune)
    {
        rune = 0;
        if (s[i] != '\\')
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                rune = char.ConvertToUtf32(s[i], s[i + 1]);
                i += 2;
            }
            else
            {
                rune = s[i++];
            }

            AppendRune(bytes, rune);
            return true;
        }

        if (++i >= s.Length)
        {
            return false;
        }

        var c = s[i++];
        switch (c)
        {
            case 'a': rune = '\a'; break;
            case 'b': rune = '\b'; break;
            case 'f': rune = '\f'; break;
            case 'n': rune = '\n'; break;
            case 'r': rune = '\r'; break;
            case 't': rune = '\t'; break;
            case 'v': rune = '\v'; break;
            case '\\': rune = '\\'; break;
            case '\'' or '"':
                if (c != quote)
                {
                    return false;
                }

                rune = c;
                break;
            case 'x' or 'u' or 'U':
                var digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
                if (i + digits > s.Length || !int.TryParse(s.AsSpan(i, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out rune))
                {
                    return false;
                }

                i += digits;
                if (c == 'x')
                {
                    bytes?.Add((byte)rune);
                    return true;
                }

                if (!Rune.IsValid(rune))
                {
                    return false;
                }

                break;
            case >= '0' and <= '7':
                if (i + 2 > s.Length)
                {
                    return false;
                }

                rune = c - '0';
                for (var k = 0; k < 2; k++, i++)
                {
                    if (s[i] is < '0' or > '7')
                    {
                        return false;
                    }

                    rune = (rune * 8) + (s[i] - '0');
                }

                if (rune > 255)
                {
                    return false;
                }

                bytes?.Add((byte)rune);
                return true;
            default:
                return false;
        }

        AppendRune(bytes, rune);
        return true;
    }

    private static void AppendRune(List<byte>? bytes, int rune)
    {
        if (bytes is null)
        {
            return;
        }

        Span<byte> buffer = stackalloc byte[4];
        var r = Rune.IsValid(rune) ? new Rune(rune) : Rune.ReplacementChar;
        var n = r.EncodeToUtf8(buffer);
        for (var k = 0; k < n; k++)
        {
            bytes.Add(buffer[k]);
        }
    }
}
