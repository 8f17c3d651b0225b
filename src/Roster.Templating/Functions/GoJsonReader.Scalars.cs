using System.Globalization;
using System.Text;

namespace Roster.Templating.Functions;

/// <summary>Strings, literals and numbers, with the error context Go's scanner names for each.</summary>
internal sealed partial class GoJsonReader
{
    private string String()
    {
        var sb = new StringBuilder();
        _pos++;
        while (true)
        {
            var c = Peek();
            _pos++;
            switch (c)
            {
                case '"': return sb.ToString();
                case < ' ': _pos--; throw Invalid("in string literal");
                case '\\': Escape(sb); break;
                default: sb.Append(c); break;
            }
        }
    }

    private void Escape(StringBuilder sb)
    {
        var c = Peek();
        _pos++;
        switch (c)
        {
            case '"' or '\\' or '/': sb.Append(c); break;
            case 'b': sb.Append('\b'); break;
            case 'f': sb.Append('\f'); break;
            case 'n': sb.Append('\n'); break;
            case 'r': sb.Append('\r'); break;
            case 't': sb.Append('\t'); break;
            case 'u':
                var unit = Hex4();
                if (char.IsHighSurrogate(unit) && LowSurrogateFollows())
                {
                    _pos += 2;
                    sb.Append(unit).Append(Hex4());
                }
                else
                {
                    // Go decodes a lone surrogate as the replacement character.
                    sb.Append(char.IsSurrogate(unit) ? '\uFFFD' : unit);
                }

                break;
            default: _pos--; throw Invalid("in string escape code");
        }
    }

    private bool LowSurrogateFollows() =>
        _pos + 6 <= text.Length && text[_pos] == '\\' && text[_pos + 1] == 'u' &&
        int.TryParse(text.AsSpan(_pos + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var next) &&
        char.IsLowSurrogate((char)next);

    private char Hex4()
    {
        var value = 0;
        for (var i = 0; i < 4; i++)
        {
            var c = Peek();
            var digit = char.IsAsciiHexDigit(c) ? Convert.ToInt32(c.ToString(), 16) : throw Invalid("in \\u hexadecimal character escape");
            value = (value * 16) + digit;
            _pos++;
        }

        return (char)value;
    }

    private object? Literal(string word, object? value)
    {
        foreach (var expected in word)
        {
            if (Peek() != expected)
            {
                throw Invalid($"in literal {word} (expecting '{expected}')");
            }

            _pos++;
        }

        return value;
    }

    private double Number()
    {
        var start = _pos;
        if (text[_pos] == '-')
        {
            _pos++;
            if (!char.IsAsciiDigit(Peek()))
            {
                throw Invalid("in numeric literal");
            }
        }

        // A leading zero ends the integer part: "01" is 0 followed by a stray '1'.
        if (text[_pos] == '0')
        {
            _pos++;
        }
        else
        {
            Digits();
        }

        if (_pos < text.Length && text[_pos] == '.')
        {
            _pos++;
            if (!char.IsAsciiDigit(Peek()))
            {
                throw Invalid("after decimal point in numeric literal");
            }

            Digits();
        }

        if (_pos < text.Length && text[_pos] is 'e' or 'E')
        {
            _pos++;
            if (_pos < text.Length && text[_pos] is '+' or '-')
            {
                _pos++;
            }

            if (!char.IsAsciiDigit(Peek()))
            {
                throw Invalid("in exponent of numeric literal");
            }

            Digits();
        }

        var literal = text[start.._pos];
        var number = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsInfinity(number)
            ? throw new FormatException($"json: cannot unmarshal number {literal} into Go value of type float64")
            : number;
    }

    private void Digits()
    {
        while (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
        {
            _pos++;
        }
    }
}
