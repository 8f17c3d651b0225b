using System.Globalization;
using System.Text;

namespace Roster.Templating.Functions;

/// <summary>
/// Go's json.Unmarshal into interface{}: objects become string-keyed maps, arrays lists, numbers doubles; syntax
/// errors use the texts of Go's scanner (<c>invalid character 'x' looking for beginning of value</c>).
/// </summary>
internal sealed partial class GoJsonReader(string text)
{
    private int _pos;

    public static object? Read(string text)
    {
        var reader = new GoJsonReader(text);
        reader.SkipSpace();
        var value = reader.Value();
        reader.SkipSpace();
        return reader._pos < text.Length ? throw reader.Invalid("after top-level value") : value;
    }

    private object? Value()
    {
        switch (Peek())
        {
            case '{': return Object();
            case '[': return Array();
            case '"': return String();
            case 't': return Literal("true", true);
            case 'f': return Literal("false", false);
            case 'n': return Literal("null", null);
            case '-' or (>= '0' and <= '9'): return Number();
            default: throw Invalid("looking for beginning of value");
        }
    }

    private Dictionary<string, object?> Object()
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        _pos++;
        SkipSpace();
        if (Peek() == '}')
        {
            _pos++;
            return map;
        }

        while (true)
        {
            if (Peek() != '"')
            {
                throw Invalid("looking for beginning of object key string");
            }

            var key = String();
            SkipSpace();
            Expect(':', "after object key");
            SkipSpace();
            map[key] = Value();
            SkipSpace();
            var next = Peek();
            _pos++;
            if (next == '}')
            {
                return map;
            }

            if (next != ',')
            {
                _pos--;
                throw Invalid("after object key:value pair");
            }

            SkipSpace();
        }
    }

    private List<object?> Array()
    {
        var list = new List<object?>();
        _pos++;
        SkipSpace();
        if (Peek() == ']')
        {
            _pos++;
            return list;
        }

        while (true)
        {
            list.Add(Value());
            SkipSpace();
            var next = Peek();
            _pos++;
            if (next == ']')
            {
                return list;
            }

            if (next != ',')
            {
                _pos--;
                throw Invalid("after array element");
            }

            SkipSpace();
        }
    }

    private void Expect(char c, string context)
    {
        if (Peek() != c)
        {
            throw Invalid(context);
        }

        _pos++;
    }

    private char Peek() => _pos < text.Length ? text[_pos] : throw new FormatException("unexpected end of JSON input");

    private void SkipSpace()
    {
        while (_pos < text.Length && text[_pos] is ' ' or '\t' or '\n' or '\r')
        {
            _pos++;
        }
    }

    // Go's quoteChar: '\'' for a quote, otherwise strconv.Quote of the character between single quotes.
    private FormatException Invalid(string context)
    {
        var c = text[_pos];
        var quoted = c == '\'' ? @"'\''" : c == '"' ? "'\"'" : "'" + GoQuote.Quote(c.ToString())[1..^1] + "'";
        return new FormatException($"invalid character {quoted} {context}");
    }
}
