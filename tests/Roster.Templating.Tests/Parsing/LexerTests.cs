using Roster.Templating.Parsing;

namespace Roster.Templating.Tests.Parsing;

/// <summary>Ported from Go's text/template/parse/lex_test.go.</summary>
public class LexerTests
{
    private const string Raw = "`abc\\n\\t\\\" `";
    private const string RawNL = "`now is{{\n}}the time`";

    private static readonly (TokenKind, string) TEof = (TokenKind.Eof, "");
    private static readonly (TokenKind, string) TFor = (TokenKind.Identifier, "for");
    private static readonly (TokenKind, string) TLeft = (TokenKind.LeftDelim, "{{");
    private static readonly (TokenKind, string) TLpar = (TokenKind.LeftParen, "(");
    private static readonly (TokenKind, string) TPipe = (TokenKind.Pipe, "|");
    private static readonly (TokenKind, string) TQuote = (TokenKind.String, "\"abc \\n\\t\\\" \"");
    private static readonly (TokenKind, string) TRange = (TokenKind.Range, "range");
    private static readonly (TokenKind, string) TRight = (TokenKind.RightDelim, "}}");
    private static readonly (TokenKind, string) TRpar = (TokenKind.RightParen, ")");
    private static readonly (TokenKind, string) TSpace = (TokenKind.Space, " ");
    private static readonly (TokenKind, string) TDot = (TokenKind.Dot, ".");
    private static readonly (TokenKind, string) TBlock = (TokenKind.Block, "block");
    private static readonly (TokenKind, string) TRawQuote = (TokenKind.RawString, Raw);
    private static readonly (TokenKind, string) TRawQuoteNL = (TokenKind.RawString, RawNL);
    private static readonly (TokenKind, string) TLeftDelim = (TokenKind.LeftDelim, "$$");
    private static readonly (TokenKind, string) TRightDelim = (TokenKind.RightDelim, "@@");

    private static readonly Dictionary<string, (string Input, (TokenKind, string)[] Items)> LexTable = new()
    {
        { "empty", "", [TEof] },
        { "spaces", " \t\n", [(TokenKind.Text, " \t\n"), TEof] },
        { "text", "now is the time", [(TokenKind.Text, "now is the time"), TEof] },
        { "text with comment", "hello-{{/* this is a comment */}}-world", [(TokenKind.Text, "hello-"), (TokenKind.Comment, "/* this is a comment */"), (TokenKind.Text, "-world"), TEof] },
        { "punctuation", "{{,@% }}", [TLeft, (TokenKind.Char, ","), (TokenKind.Char, "@"), (TokenKind.Char, "%"), TSpace, TRight, TEof] },
        { "parens", "{{((3))}}", [TLeft, TLpar, TLpar, (TokenKind.Number, "3"), TRpar, TRpar, TRight, TEof] },
        { "empty action", "{{}}", [TLeft, TRight, TEof] },
        { "for", "{{for}}", [TLeft, TFor, TRight, TEof] },
        { "block", "{{block \"foo\" .}}", [TLeft, TBlock, TSpace, (TokenKind.String, "\"foo\""), TSpace, TDot, TRight, TEof] },
        { "quote", "{{\"abc \\n\\t\\\" \"}}", [TLeft, TQuote, TRight, TEof] },
        { "raw quote", "{{" + Raw + "}}", [TLeft, TRawQuote, TRight, TEof] },
        { "raw quote with newline", "{{" + RawNL + "}}", [TLeft, TRawQuoteNL, TRight, TEof] },
        {
            "numbers", "{{1 02 0x14 0X14 -7.2i 1e3 1E3 +1.2e-4 4.2i 1+2i 1_2 0x1.e_fp4 0X1.E_FP4}}",
            [
                TLeft, (TokenKind.Number, "1"), TSpace, (TokenKind.Number, "02"), TSpace, (TokenKind.Number, "0x14"), TSpace,
                (TokenKind.Number, "0X14"), TSpace, (TokenKind.Number, "-7.2i"), TSpace, (TokenKind.Number, "1e3"), TSpace,
                (TokenKind.Number, "1E3"), TSpace, (TokenKind.Number, "+1.2e-4"), TSpace, (TokenKind.Number, "4.2i"), TSpace,
                (TokenKind.Complex, "1+2i"), TSpace, (TokenKind.Number, "1_2"), TSpace, (TokenKind.Number, "0x1.e_fp4"), TSpace,
                (TokenKind.Number, "0X1.E_FP4"), TRight, TEof,
            ]
        },
        {
            "characters", "{{'a' '\\n' '\\'' '\\\\' '\\u00FF' '\\xFF' '本'}}",
            [
                TLeft, (TokenKind.CharConstant, "'a'"), TSpace, (TokenKind.CharConstant, "'\\n'"), TSpace,
                (TokenKind.CharConstant, "'\\''"), TSpace, (TokenKind.CharConstant, "'\\\\'"), TSpace,
                (TokenKind.CharConstant, "'\\u00FF'"), TSpace, (TokenKind.CharConstant, "'\\xFF'"), TSpace,
                (TokenKind.CharConstant, "'本'"), TRight, TEof,
            ]
        },
        { "bools", "{{true false}}", [TLeft, (TokenKind.Bool, "true"), TSpace, (TokenKind.Bool, "false"), TRight, TEof] },
        { "dot", "{{.}}", [TLeft, TDot, TRight, TEof] },
        { "nil", "{{nil}}", [TLeft, (TokenKind.Nil, "nil"), TRight, TEof] },
        {
            "dots", "{{.x . .2 .x.y.z}}",
            [TLeft, (TokenKind.Field, ".x"), TSpace, TDot, TSpace, (TokenKind.Number, ".2"), TSpace, (TokenKind.Field, ".x"), (TokenKind.Field, ".y"), (TokenKind.Field, ".z"), TRight, TEof]
        },
        {
            "keywords", "{{range if else end with}}",
            [TLeft, TRange, TSpace, (TokenKind.If, "if"), TSpace, (TokenKind.Else, "else"), TSpace, (TokenKind.End, "end"), TSpace, (TokenKind.With, "with"), TRight, TEof]
        },
        {
            "variables", "{{$c := printf $ $hello $23 $ $var.Field .Method}}",
            [
                TLeft, (TokenKind.Variable, "$c"), TSpace, (TokenKind.Declare, ":="), TSpace, (TokenKind.Identifier, "printf"), TSpace,
                (TokenKind.Variable, "$"), TSpace, (TokenKind.Variable, "$hello"), TSpace, (TokenKind.Variable, "$23"), TSpace,
                (TokenKind.Variable, "$"), TSpace, (TokenKind.Variable, "$var"), (TokenKind.Field, ".Field"), TSpace,
                (TokenKind.Field, ".Method"), TRight, TEof,
            ]
        },
        { "variable invocation", "{{$x 23}}", [TLeft, (TokenKind.Variable, "$x"), TSpace, (TokenKind.Number, "23"), TRight, TEof] },
        {
            "pipeline", "intro {{echo hi 1.2 |noargs|args 1 \"hi\"}} outro",
            [
                (TokenKind.Text, "intro "), TLeft, (TokenKind.Identifier, "echo"), TSpace, (TokenKind.Identifier, "hi"), TSpace,
                (TokenKind.Number, "1.2"), TSpace, TPipe, (TokenKind.Identifier, "noargs"), TPipe, (TokenKind.Identifier, "args"),
                TSpace, (TokenKind.Number, "1"), TSpace, (TokenKind.String, "\"hi\""), TRight, (TokenKind.Text, " outro"), TEof,
            ]
        },
        { "declaration", "{{$v := 3}}", [TLeft, (TokenKind.Variable, "$v"), TSpace, (TokenKind.Declare, ":="), TSpace, (TokenKind.Number, "3"), TRight, TEof] },
        {
            "2 declarations", "{{$v , $w := 3}}",
            [TLeft, (TokenKind.Variable, "$v"), TSpace, (TokenKind.Char, ","), TSpace, (TokenKind.Variable, "$w"), TSpace, (TokenKind.Declare, ":="), TSpace, (TokenKind.Number, "3"), TRight, TEof]
        },
        { "field of parenthesized expression", "{{(.X).Y}}", [TLeft, TLpar, (TokenKind.Field, ".X"), TRpar, (TokenKind.Field, ".Y"), TRight, TEof] },
        { "trimming spaces before and after", "hello- {{- 3 -}} -world", [(TokenKind.Text, "hello-"), TLeft, (TokenKind.Number, "3"), TRight, (TokenKind.Text, "-world"), TEof] },
        { "trimming spaces before and after comment", "hello- {{- /* hello */ -}} -world", [(TokenKind.Text, "hello-"), (TokenKind.Comment, "/* hello */"), (TokenKind.Text, "-world"), TEof] },
        { "badchar", "#{{\x01}}", [(TokenKind.Text, "#"), TLeft, (TokenKind.Error, "unrecognized character in action: U+0001")] },
        { "unclosed action", "{{", [TLeft, (TokenKind.Error, "unclosed action")] },
        { "EOF in action", "{{range", [TLeft, TRange, (TokenKind.Error, "unclosed action")] },
        { "unclosed quote", "{{\"\n\"}}", [TLeft, (TokenKind.Error, "unterminated quoted string")] },
        { "unclosed raw quote", "{{`xx}}", [TLeft, (TokenKind.Error, "unterminated raw quoted string")] },
        { "unclosed char constant", "{{'\n}}", [TLeft, (TokenKind.Error, "unterminated character constant")] },
        { "bad number", "{{3k}}", [TLeft, (TokenKind.Error, "bad number syntax: \"3k\"")] },
        { "unclosed paren", "{{(3}}", [TLeft, TLpar, (TokenKind.Number, "3"), (TokenKind.Error, "unclosed left paren")] },
        { "extra right paren", "{{3)}}", [TLeft, (TokenKind.Number, "3"), (TokenKind.Error, "unexpected right paren")] },
        { "long pipeline deadlock", "{{|||||}}", [TLeft, TPipe, TPipe, TPipe, TPipe, TPipe, TRight, TEof] },
        { "text with bad comment", "hello-{{/*/}}-world", [(TokenKind.Text, "hello-"), (TokenKind.Error, "unclosed comment")] },
        { "text with comment close separated from delim", "hello-{{/* */ }}-world", [(TokenKind.Text, "hello-"), (TokenKind.Error, "comment ends before closing delimiter")] },
        // Go cannot reject this without breaking minimized JavaScript, so neither do we.
        { "unmatched right delimiter", "hello-{.}}-world", [(TokenKind.Text, "hello-{.}}-world"), TEof] },
    };

    private static readonly Dictionary<string, (string Input, (TokenKind, string)[] Items)> LexDelimTable = new()
    {
        { "punctuation", "$$,@%{{}}@@", [TLeftDelim, (TokenKind.Char, ","), (TokenKind.Char, "@"), (TokenKind.Char, "%"), (TokenKind.Char, "{"), (TokenKind.Char, "{"), (TokenKind.Char, "}"), (TokenKind.Char, "}"), TRightDelim, TEof] },
        { "empty action", "$$@@", [TLeftDelim, TRightDelim, TEof] },
        { "for", "$$for@@", [TLeftDelim, TFor, TRightDelim, TEof] },
        { "quote", "$$\"abc \\n\\t\\\" \"@@", [TLeftDelim, TQuote, TRightDelim, TEof] },
        { "raw quote", "$$" + Raw + "@@", [TLeftDelim, TRawQuote, TRightDelim, TEof] },
    };

    private static readonly Dictionary<string, (string Input, Token[] Items)> LexPosTable = new()
    {
        { "empty", "", [new(TokenKind.Eof, 0, "", 1)] },
        {
            "punctuation", "{{,@%#}}",
            [
                new(TokenKind.LeftDelim, 0, "{{", 1), new(TokenKind.Char, 2, ",", 1), new(TokenKind.Char, 3, "@", 1),
                new(TokenKind.Char, 4, "%", 1), new(TokenKind.Char, 5, "#", 1), new(TokenKind.RightDelim, 6, "}}", 1), new(TokenKind.Eof, 8, "", 1),
            ]
        },
        {
            "sample", "0123{{hello}}xyz",
            [
                new(TokenKind.Text, 0, "0123", 1), new(TokenKind.LeftDelim, 4, "{{", 1), new(TokenKind.Identifier, 6, "hello", 1),
                new(TokenKind.RightDelim, 11, "}}", 1), new(TokenKind.Text, 13, "xyz", 1), new(TokenKind.Eof, 16, "", 1),
            ]
        },
        {
            "trimafter", "{{x -}}\n{{y}}",
            [
                new(TokenKind.LeftDelim, 0, "{{", 1), new(TokenKind.Identifier, 2, "x", 1), new(TokenKind.RightDelim, 5, "}}", 1),
                new(TokenKind.LeftDelim, 8, "{{", 2), new(TokenKind.Identifier, 10, "y", 2), new(TokenKind.RightDelim, 11, "}}", 2), new(TokenKind.Eof, 13, "", 2),
            ]
        },
        {
            "trimbefore", "{{x}}\n{{- y}}",
            [
                new(TokenKind.LeftDelim, 0, "{{", 1), new(TokenKind.Identifier, 2, "x", 1), new(TokenKind.RightDelim, 3, "}}", 1),
                new(TokenKind.LeftDelim, 6, "{{", 2), new(TokenKind.Identifier, 10, "y", 2), new(TokenKind.RightDelim, 11, "}}", 2), new(TokenKind.Eof, 13, "", 2),
            ]
        },
        {
            "longcomment", "{{/*\n*/}}\n{{undefinedFunction \"test\"}}",
            [
                new(TokenKind.Comment, 2, "/*\n*/", 1), new(TokenKind.Text, 9, "\n", 2), new(TokenKind.LeftDelim, 10, "{{", 3),
                new(TokenKind.Identifier, 12, "undefinedFunction", 3), new(TokenKind.Space, 29, " ", 3), new(TokenKind.String, 30, "\"test\"", 3),
                new(TokenKind.RightDelim, 36, "}}", 3), new(TokenKind.Eof, 38, "", 3),
            ]
        },
    };

    public static TheoryData<string> LexTests => [.. LexTable.Keys];

    public static TheoryData<string> LexDelimTests => [.. LexDelimTable.Keys];

    public static TheoryData<string> LexPosTests => [.. LexPosTable.Keys];

    [Theory]
    [MemberData(nameof(LexTests))]
    public void Lex_GoLexTests_EmitsGoItems(string name)
    {
        var (input, expected) = LexTable[name];
        Assert.Equal(expected, Collect(input, "", ""));
    }

    [Theory]
    [MemberData(nameof(LexDelimTests))]
    public void Lex_CustomDelimiters_EmitsGoItems(string name)
    {
        var (input, expected) = LexDelimTable[name];
        Assert.Equal(expected, Collect(input, "$$", "@@"));
    }

    [Theory]
    [MemberData(nameof(LexPosTests))]
    public void Lex_Positions_MatchGoOffsetsAndLines(string name)
    {
        var (input, expected) = LexPosTable[name];
        Assert.Equal(expected, Lexer.Lex(new SourceText(name, input), "", "", Options));
    }

    [Fact]
    public void Lex_AlphanumericRightDelimiter_EndsIdentifiers()
    {
        (TokenKind, string)[] expected =
            [(TokenKind.LeftDelim, "{{hub"), TSpace, (TokenKind.Field, ".host"), TSpace, (TokenKind.RightDelim, "hub}}"), TEof];
        Assert.Equal(expected, Collect("{{hub .host hub}}", "{{hub", "hub}}"));
    }

    [Fact]
    public void Lex_DelimitersThatLookLikeTrimMarkers_AreDelimiters()
    {
        (TokenKind, string)[] expected =
        [
            (TokenKind.LeftDelim, "{{- "), (TokenKind.Field, ".x"), (TokenKind.RightDelim, " -}}"),
            (TokenKind.LeftDelim, "{{- "), (TokenKind.Field, ".x"), (TokenKind.RightDelim, " -}}"), TEof,
        ];
        Assert.Equal(expected, Collect("{{- .x -}} {{- - .x - -}}", "{{- ", " -}}"));
    }

    [Fact]
    public void Lex_BreakWhenAFunctionIsNamedBreak_IsAnIdentifier()
    {
        var tokens = Lexer.Lex(new SourceText("t", "{{break}}"), "", "", LexerOptions.Default with { BreakIsKeyword = false });
        Assert.Equal(TokenKind.Identifier, tokens[1].Kind);
    }

    private static readonly LexerOptions Options = new(EmitComments: true, BreakIsKeyword: true, ContinueIsKeyword: true);

    private static (TokenKind, string)[] Collect(string input, string left, string right) =>
        [.. Lexer.Lex(new SourceText("test", input), left, right, Options).Select(t => (t.Kind, t.Value))];
}

/// <summary>Lets the Go tables keep their <c>{ name, input, items }</c> shape.</summary>
internal static class LexTableExtensions
{
    public static void Add<T>(this Dictionary<string, (string Input, T[] Items)> table, string name, string input, T[] items) =>
        table.Add(name, (input, items));
}
