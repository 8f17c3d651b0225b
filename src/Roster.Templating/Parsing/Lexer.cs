using System.Globalization;
using System.Text;

namespace Roster.Templating.Parsing;

/// <summary>
/// A port of Go's text/template/parse lexer. Go runs its state machine lazily; a template is parsed once,
/// so this one runs to completion and hands the parser a list that ends in an EOF or error token.
/// </summary>
internal sealed partial class Lexer
{
    private const int Eof = -1;
    private const string LeftComment = "/*";
    private const string RightComment = "*/";

    private static readonly Dictionary<string, TokenKind> Keywords = new(StringComparer.Ordinal)
    {
        ["."] = TokenKind.Dot,
        ["block"] = TokenKind.Block,
        ["break"] = TokenKind.Break,
        ["continue"] = TokenKind.Continue,
        ["define"] = TokenKind.Define,
        ["else"] = TokenKind.Else,
        ["end"] = TokenKind.End,
        ["if"] = TokenKind.If,
        ["range"] = TokenKind.Range,
        ["nil"] = TokenKind.Nil,
        ["template"] = TokenKind.Template,
        ["with"] = TokenKind.With,
    };

    private readonly SourceText _source;
    private readonly string _input;
    private readonly string _left;
    private readonly string _right;
    private readonly LexerOptions _options;
    private readonly List<Token> _tokens = [];
    private int _pos;
    private int _start;
    private int _width;
    private int _parenDepth;

    private Lexer(SourceText source, string left, string right, LexerOptions options)
    {
        _source = source;
        _input = source.Text;
        _left = string.IsNullOrEmpty(left) ? "{{" : left;
        _right = string.IsNullOrEmpty(right) ? "}}" : right;
        _options = options;
    }

    private delegate State? State();

    public static List<Token> Lex(SourceText source, string left, string right, LexerOptions options)
    {
        var lexer = new Lexer(source, left, right, options);
        for (State? state = lexer.LexText; state is not null;)
        {
            state = state();
        }

        return lexer._tokens;
    }

    private static bool IsSpace(int r) => r is ' ' or '\t' or '\r' or '\n';

    private static bool IsAlphaNumeric(int r) =>
        r == '_' || (r >= 0 && Rune.IsValid(r) && (Rune.IsLetter(new Rune(r)) || Rune.IsDigit(new Rune(r))));

    /// <summary>Go's %#U: <c>U+0023 '#'</c>, or just <c>U+0001</c> for unprintable runes.</summary>
    private static string FormatRune(int r)
    {
        var code = string.Create(CultureInfo.InvariantCulture, $"U+{r:X4}");
        return Rune.IsValid(r) && GoQuote.IsPrint(new Rune(r)) ? $"{code} '{new Rune(r)}'" : code;
    }

    private int Next()
    {
        if (_pos >= _input.Length)
        {
            _width = 0;
            return Eof;
        }

        if (char.IsHighSurrogate(_input[_pos]) && _pos + 1 < _input.Length && char.IsLowSurrogate(_input[_pos + 1]))
        {
            _width = 2;
            _pos += 2;
            return char.ConvertToUtf32(_input[_pos - 2], _input[_pos - 1]);
        }

        _width = 1;
        return _input[_pos++];
    }

    private int Peek()
    {
        var r = Next();
        Backup();
        return r;
    }

    private void Backup() => _pos -= _width;

    private bool Accept(string valid)
    {
        var r = Next();
        if (r != Eof && valid.Contains((char)r, StringComparison.Ordinal))
        {
            return true;
        }

        Backup();
        return false;
    }

    private void AcceptRun(string valid)
    {
        while (Accept(valid))
        {
        }
    }

    private void Emit(TokenKind kind)
    {
        _tokens.Add(new Token(kind, _start, _input[_start.._pos], _source.LineOf(_start)));
        _start = _pos;
    }

    private State? Error(string message)
    {
        _tokens.Add(new Token(TokenKind.Error, _start, message, _source.LineOf(_start)));
        return null;
    }

    private bool StartsWithAt(int pos, string value) =>
        pos <= _input.Length && _input.AsSpan(pos).StartsWith(value, StringComparison.Ordinal);

    // A trim marker is a minus next to the delimiter with an ASCII space on its other side ("{{- " and " -}}").
    private bool HasLeftTrimMarker(int pos) => pos + 1 < _input.Length && _input[pos] == '-' && IsSpace(_input[pos + 1]);

    private bool HasRightTrimMarker(int pos) => pos >= 0 && pos + 1 < _input.Length && IsSpace(_input[pos]) && _input[pos + 1] == '-';

    private (bool Delim, bool Trim) AtRightDelim()
    {
        if (HasRightTrimMarker(_pos) && StartsWithAt(_pos + 2, _right))
        {
            return (true, true);
        }

        return (StartsWithAt(_pos, _right), false);
    }

    private int LeftTrimLength(int pos)
    {
        var end = pos;
        while (end < _input.Length && IsSpace(_input[end]))
        {
            end++;
        }

        return end - pos;
    }

    private int RightTrimLength(int start, int end)
    {
        var i = end;
        while (i > start && IsSpace(_input[i - 1]))
        {
            i--;
        }

        return end - i;
    }

    /// <summary>Go's atTerminator: what may follow an identifier (so <c>$x+2</c> is rejected).</summary>
    private bool AtTerminator()
    {
        var r = Peek();
        return IsSpace(r) || r is Eof or '.' or ',' or '|' or ':' or ')' or '(' || StartsWithAt(_pos, _right);
    }
}
