using System.Globalization;

namespace Roster.Templating.Parsing;

/// <summary>One lexed item: its kind, start offset (UTF-16 index into the source), text and 1-based line.</summary>
internal readonly record struct Token(TokenKind Kind, int Pos, string Value, int Line)
{
    /// <summary>Go's item.String(), used verbatim in parse errors such as <c>unexpected ":=" in operand</c>.</summary>
    public override string ToString() => Kind switch
    {
        TokenKind.Eof => "EOF",
        TokenKind.Error => Value,
        > TokenKind.Keyword => string.Create(CultureInfo.InvariantCulture, $"<{Value}>"),
        _ when Value.Length > 10 => GoQuote.Quote(Value[..10]) + "...",
        _ => GoQuote.Quote(Value),
    };
}
