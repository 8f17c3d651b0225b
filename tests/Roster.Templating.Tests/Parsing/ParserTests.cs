using System.Text.RegularExpressions;
using Roster.Templating.Execution;
using Roster.Templating.Parsing;

namespace Roster.Templating.Tests.Parsing;

/// <summary>Ported from Go's text/template/parse/parse_test.go (parseTests, errorTests, isEmptyTests, TestBlock …).</summary>
public partial class ParserTests
{
    private const bool NoError = true;
    private const bool HasError = false;

    public static TheoryData<string, string, bool, string> ParseTests => new()
    {
        { "empty", "", NoError, "" },
        { "comment", "{{/*\n\n\n*/}}", NoError, "" },
        { "spaces", " \t\n", NoError, "\" \\t\\n\"" },
        { "text", "some text", NoError, "\"some text\"" },
        { "emptyAction", "{{}}", HasError, "{{}}" },
        { "field", "{{.X}}", NoError, "{{.X}}" },
        { "simple command", "{{printf}}", NoError, "{{printf}}" },
        { "$ invocation", "{{$}}", NoError, "{{$}}" },
        { "variable invocation", "{{with $x := 3}}{{$x 23}}{{end}}", NoError, "{{with $x := 3}}{{$x 23}}{{end}}" },
        { "variable with fields", "{{$.I}}", NoError, "{{$.I}}" },
        { "multi-word command", "{{printf `%d` 23}}", NoError, "{{printf `%d` 23}}" },
        { "pipeline", "{{.X|.Y}}", NoError, "{{.X | .Y}}" },
        { "pipeline with decl", "{{$x := .X|.Y}}", NoError, "{{$x := .X | .Y}}" },
        { "nested pipeline", "{{.X (.Y .Z) (.A | .B .C) (.E)}}", NoError, "{{.X (.Y .Z) (.A | .B .C) (.E)}}" },
        { "field applied to parentheses", "{{(.Y .Z).Field}}", NoError, "{{(.Y .Z).Field}}" },
        { "simple if", "{{if .X}}hello{{end}}", NoError, "{{if .X}}\"hello\"{{end}}" },
        { "if with else", "{{if .X}}true{{else}}false{{end}}", NoError, "{{if .X}}\"true\"{{else}}\"false\"{{end}}" },
        { "if with else if", "{{if .X}}true{{else if .Y}}false{{end}}", NoError, "{{if .X}}\"true\"{{else}}{{if .Y}}\"false\"{{end}}{{end}}" },
        { "if else chain", "+{{if .X}}X{{else if .Y}}Y{{else if .Z}}Z{{end}}+", NoError, "\"+\"{{if .X}}\"X\"{{else}}{{if .Y}}\"Y\"{{else}}{{if .Z}}\"Z\"{{end}}{{end}}{{end}}\"+\"" },
        { "simple range", "{{range .X}}hello{{end}}", NoError, "{{range .X}}\"hello\"{{end}}" },
        { "chained field range", "{{range .X.Y.Z}}hello{{end}}", NoError, "{{range .X.Y.Z}}\"hello\"{{end}}" },
        { "nested range", "{{range .X}}hello{{range .Y}}goodbye{{end}}{{end}}", NoError, "{{range .X}}\"hello\"{{range .Y}}\"goodbye\"{{end}}{{end}}" },
        { "range with else", "{{range .X}}true{{else}}false{{end}}", NoError, "{{range .X}}\"true\"{{else}}\"false\"{{end}}" },
        { "range over pipeline", "{{range .X|.M}}true{{else}}false{{end}}", NoError, "{{range .X | .M}}\"true\"{{else}}\"false\"{{end}}" },
        { "range []int", "{{range .SI}}{{.}}{{end}}", NoError, "{{range .SI}}{{.}}{{end}}" },
        { "range 1 var", "{{range $x := .SI}}{{.}}{{end}}", NoError, "{{range $x := .SI}}{{.}}{{end}}" },
        { "range 2 vars", "{{range $x, $y := .SI}}{{.}}{{end}}", NoError, "{{range $x, $y := .SI}}{{.}}{{end}}" },
        { "range with break", "{{range .SI}}{{.}}{{break}}{{end}}", NoError, "{{range .SI}}{{.}}{{break}}{{end}}" },
        { "range with continue", "{{range .SI}}{{.}}{{continue}}{{end}}", NoError, "{{range .SI}}{{.}}{{continue}}{{end}}" },
        // Go's case also holds the complex constant -3.2i, which the value model excludes.
        { "constants", "{{range .SI 1 true false 'a' nil}}{{end}}", NoError, "{{range .SI 1 true false 'a' nil}}{{end}}" },
        { "template", "{{template `x`}}", NoError, "{{template \"x\"}}" },
        { "template with arg", "{{template `x` .Y}}", NoError, "{{template \"x\" .Y}}" },
        { "with", "{{with .X}}hello{{end}}", NoError, "{{with .X}}\"hello\"{{end}}" },
        { "with with else", "{{with .X}}hello{{else}}goodbye{{end}}", NoError, "{{with .X}}\"hello\"{{else}}\"goodbye\"{{end}}" },
        { "with with else with", "{{with .X}}hello{{else with .Y}}goodbye{{end}}", NoError, "{{with .X}}\"hello\"{{else}}{{with .Y}}\"goodbye\"{{end}}{{end}}" },
        { "with else chain", "{{with .X}}X{{else with .Y}}Y{{else with .Z}}Z{{end}}", NoError, "{{with .X}}\"X\"{{else}}{{with .Y}}\"Y\"{{else}}{{with .Z}}\"Z\"{{end}}{{end}}{{end}}" },
        { "trim left", "x \r\n\t{{- 3}}", NoError, "\"x\"{{3}}" },
        { "trim right", "{{3 -}}\n\n\ty", NoError, "{{3}}\"y\"" },
        { "trim left and right", "x \r\n\t{{- 3 -}}\n\n\ty", NoError, "\"x\"{{3}}\"y\"" },
        { "trim with extra spaces", "x\n{{-  3   -}}\ny", NoError, "\"x\"{{3}}\"y\"" },
        { "comment trim left", "x \r\n\t{{- /* hi */}}", NoError, "\"x\"" },
        { "comment trim right", "{{/* hi */ -}}\n\n\ty", NoError, "\"y\"" },
        { "comment trim left and right", "x \r\n\t{{- /* */ -}}\n\n\ty", NoError, "\"x\"\"y\"" },
        { "block definition", "{{block \"foo\" .}}hello{{end}}", NoError, "{{template \"foo\" .}}" },
        { "newline in assignment", "{{ $x \n := \n 1 \n }}", NoError, "{{$x := 1}}" },
        { "newline in empty action", "{{\n}}", HasError, "{{\n}}" },
        { "newline in pipeline", "{{\n\"x\"\n|\nprintf\n}}", NoError, "{{\"x\" | printf}}" },
        { "newline in comment", "{{/*\nhello\n*/}}", NoError, "" },
        { "newline in trimmed comment", "{{-\n/*\nhello\n*/\n-}}", NoError, "" },
        { "spaces around continue", "{{range .SI}}{{.}}{{ continue }}{{end}}", NoError, "{{range .SI}}{{.}}{{continue}}{{end}}" },
        { "spaces around break", "{{range .SI}}{{.}}{{ break }}{{end}}", NoError, "{{range .SI}}{{.}}{{break}}{{end}}" },
        { "unclosed action", "hello{{range", HasError, "" },
        { "unmatched end", "{{end}}", HasError, "" },
        { "unmatched else", "{{else}}", HasError, "" },
        { "unmatched else after if", "{{if .X}}hello{{end}}{{else}}", HasError, "" },
        { "multiple else", "{{if .X}}1{{else}}2{{else}}3{{end}}", HasError, "" },
        { "missing end", "hello{{range .x}}", HasError, "" },
        { "missing end after else", "hello{{range .x}}{{else}}", HasError, "" },
        { "undefined function", "hello{{undefined}}", HasError, "" },
        { "undefined variable", "{{$x}}", HasError, "" },
        { "variable undefined after end", "{{with $x := 4}}{{end}}{{$x}}", HasError, "" },
        { "variable undefined in template", "{{template $v}}", HasError, "" },
        { "declare with field", "{{with $x.Y := 4}}{{end}}", HasError, "" },
        { "template with field ref", "{{template .X}}", HasError, "" },
        { "template with var", "{{template $v}}", HasError, "" },
        { "invalid punctuation", "{{printf 3, 4}}", HasError, "" },
        { "multidecl outside range", "{{with $v, $u := 3}}{{end}}", HasError, "" },
        { "too many decls in range", "{{range $u, $v, $w := 3}}{{end}}", HasError, "" },
        { "dot applied to parentheses", "{{printf (printf .).}}", HasError, "" },
        { "adjacent args", "{{printf 3`x`}}", HasError, "" },
        { "adjacent args with .", "{{printf `x`.}}", HasError, "" },
        { "extra end after if", "{{if .X}}a{{else if .Y}}b{{end}}{{end}}", HasError, "" },
        { "break outside range", "{{range .}}{{end}} {{break}}", HasError, "" },
        { "continue outside range", "{{range .}}{{end}} {{continue}}", HasError, "" },
        { "break in range else", "{{range .}}{{else}}{{break}}{{end}}", HasError, "" },
        { "continue in range else", "{{range .}}{{else}}{{continue}}{{end}}", HasError, "" },
        { "bug0a", "{{$x := 0}}{{$x}}", NoError, "{{$x := 0}}{{$x}}" },
        { "bug0b", "{{$x += 1}}{{$x}}", HasError, "" },
        { "bug0c", "{{$x ! 2}}{{$x}}", HasError, "" },
        { "bug0d", "{{$x % 3}}{{$x}}", HasError, "" },
        { "bug0e", "{{range $x := $y := 3}}{{end}}", HasError, "" },
        { "bug1a", "{{$x:=.}}{{$x!2}}", HasError, "" },
        { "bug1b", "{{$x:=.}}{{$x+2}}", HasError, "" },
        { "bug1c", "{{$x:=.}}{{$x +2}}", NoError, "{{$x := .}}{{$x +2}}" },
        { "bug2a", "{{range $x := 0}}{{$x}}{{end}}", NoError, "{{range $x := 0}}{{$x}}{{end}}" },
        { "bug2b", "{{range $x = 0}}{{$x}}{{end}}", NoError, "{{range $x = 0}}{{$x}}{{end}}" },
        { "dot after integer", "{{1.E}}", HasError, "" },
        { "dot after float", "{{0.1.E}}", HasError, "" },
        { "dot after boolean", "{{true.E}}", HasError, "" },
        { "dot after char", "{{'a'.any}}", HasError, "" },
        { "dot after string", "{{\"hello\".guys}}", HasError, "" },
        { "dot after dot", "{{..E}}", HasError, "" },
        { "dot after nil", "{{nil.E}}", HasError, "" },
        { "wrong pipeline dot", "{{12|.}}", HasError, "" },
        { "wrong pipeline number", "{{.|12|printf}}", HasError, "" },
        { "wrong pipeline string", "{{.|printf|\"error\"}}", HasError, "" },
        { "wrong pipeline char", "{{12|printf|'e'}}", HasError, "" },
        { "wrong pipeline boolean", "{{.|true}}", HasError, "" },
        { "wrong pipeline nil", "{{'c'|nil}}", HasError, "" },
        { "empty pipeline", "{{printf \"%d\" ( ) }}", HasError, "" },
        { "block definition without pipeline", "{{block \"foo\"}}hello{{end}}", HasError, "" },
        { "paren nesting normal", "{{ (( 1 )) }}", NoError, "{{((1))}}" },
        { "paren nesting at limit", "{{ ((( 1 ))) }}", NoError, "{{(((1)))}}" },
        { "paren nesting exceeds limit", "{{ (((( 1 )))) }}", HasError, "template: test:1: max expression depth exceeded" },
        { "paren nesting in pipeline", "{{ ((( 1 ))) | printf }}", NoError, "{{(((1))) | printf}}" },
        { "paren nesting in pipeline exceeds limit", "{{ (((( 1 )))) | printf }}", HasError, "template: test:1: max expression depth exceeded" },
        { "paren nesting with other constructs", "{{ if ((( true ))) }}YES{{ end }}", NoError, "{{if (((true)))}}\"YES\"{{end}}" },
        { "paren nesting with other constructs exceeds limit", "{{ if (((( true )))) }}YES{{ end }}", HasError, "template: test:1: max expression depth exceeded" },
    };

    public static TheoryData<string, string, string> ErrorTests => new()
    {
        { "unclosed1", "line1\n{{", "unclosed1:2: unclosed action" },
        { "unclosed2", "line1\n{{define `x`}}line2\n{{", "unclosed2:3: unclosed action" },
        { "unclosed3", "line1\n{{\"x\"\n\"y\"\n", "unclosed3:4: unclosed action started at unclosed3:2" },
        { "unclosed4", "{{\n\n\n\n\n", "unclosed4:6: unclosed action started at unclosed4:1" },
        { "var1", "line1\n{{\nx\n}}", "var1:3: function \"x\" not defined" },
        { "function", "{{foo}}", "function \"foo\" not defined" },
        { "comment1", "{{/*}}", "comment1:1: unclosed comment" },
        { "comment2", "{{/*\nhello\n}}", "comment2:1: unclosed comment" },
        { "lparen", "{{.X (1 2 3}}", "unclosed left paren" },
        { "rparen", "{{.X 1 2 3 ) }}", "unexpected right paren" },
        { "rparen2", "{{(.X 1 2 3", "unclosed action" },
        { "space", "{{`x`3}}", "in operand" },
        { "idchar", "{{a#}}", "'#'" },
        { "charconst", "{{'a}}", "unterminated character constant" },
        { "stringconst", "{{\"a}}", "unterminated quoted string" },
        { "rawstringconst", "{{`a}}", "unterminated raw quoted string" },
        { "number", "{{0xi}}", "number syntax" },
        { "multidefine", "{{define `a`}}a{{end}}{{define `a`}}b{{end}}", "multiple definition of template" },
        { "eof", "{{range .X}}", "unexpected EOF" },
        { "variable", "{{$x := 23}}{{with $x.y := 3}}{{$x 23}}{{end}}", "unexpected \":=\"" },
        { "multidecl", "{{$a,$b,$c := 23}}", "too many declarations" },
        { "undefvar", "{{$a}}", "undefined variable" },
        { "wrongdot", "{{true.any}}", "unexpected . after term" },
        { "wrongpipeline", "{{12|false}}", "non executable command in pipeline" },
        { "emptypipeline", "{{ ( ) }}", "missing value for parenthesized pipeline" },
        { "multilinerawstring", "{{ $v := `\n` }} {{", "multilinerawstring:2: unclosed action" },
        { "rangeundefvar", "{{range $k}}{{end}}", "undefined variable" },
        { "rangeundefvars", "{{range $k, $v}}{{end}}", "undefined variable" },
        { "rangemissingvalue1", "{{range $k,}}{{end}}", "missing value for range" },
        { "rangemissingvalue2", "{{range $k, $v := }}{{end}}", "missing value for range" },
        { "rangenotvariable1", "{{range $k, .}}{{end}}", "range can only initialize variables" },
        { "rangenotvariable2", "{{range $k, 123 := .}}{{end}}", "range can only initialize variables" },
        { "unterminated raw string names its opening line", "hello\n\n{{`unterminated\n\n\n\n}}\n some more\n\n", "unterminated3:3: unterminated raw quoted string" },
    };

    public static TheoryData<string, string, bool> IsEmptyTests => new()
    {
        { "empty", "", true },
        { "nonempty", "hello", false },
        { "spaces only", " \t\n \t\n", true },
        { "comment only", "{{/* comment */}}", true },
        { "definition", "{{define \"x\"}}something{{end}}", true },
        { "definitions and space", "{{define `x`}}something{{end}}\n\n{{define `y`}}something{{end}}\n\n", true },
        { "definitions and text", "{{define `x`}}something{{end}}\nx\n{{define `y`}}something{{end}}\ny\n", false },
        { "definition and action", "{{define `x`}}something{{end}}{{if 3}}foo{{end}}", false },
    };

    [Theory]
    [MemberData(nameof(ParseTests))]
    public void Parse_GoParseTests_PrintsTreeOrFails(string name, string input, bool ok, string result)
    {
        var exception = Record.Exception(() => Parse("test", input));
        if (ok)
        {
            Assert.Null(exception);
            Assert.Equal(result, Parse("test", input)["test"].Root.ToString());
        }
        else
        {
            // Like Go's test, only the "template: …" results are messages to check; the others echo the input.
            var message = Assert.IsType<TemplateException>(exception).Message;
            Assert.True(!result.StartsWith("template:", StringComparison.Ordinal) || WithoutColumn(message).Contains(result, StringComparison.Ordinal), message);
        }

        Assert.NotNull(name);
    }

    [Theory]
    [MemberData(nameof(ErrorTests))]
    public void Parse_GoErrorTests_MessageNamesLineAndCause(string name, string input, string expected)
    {
        var exception = Assert.Throws<TemplateException>(() => Parse(name.Split(' ')[0] == "unterminated" ? "unterminated3" : name, input));
        Assert.Contains(expected, WithoutColumn(exception.Message), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(IsEmptyTests))]
    public void IsEmpty_GoIsEmptyTests_ClassifiesTree(string name, string input, bool empty)
    {
        Assert.Equal(empty, TemplateTree.IsEmpty(Parse(name, input)[name].Root));
    }

    [Theory]
    [InlineData("{{/*\n\n\n*/}}", "{{/*\n\n\n*/}}")]
    [InlineData("x \r\n\t{{- /* hi */}}", "\"x\"{{/* hi */}}")]
    [InlineData("{{/* hi */ -}}\n\n\ty", "{{/* hi */}}\"y\"")]
    [InlineData("x \r\n\t{{- /* */ -}}\n\n\ty", "\"x\"{{/* */}}\"y\"")]
    public void Parse_WithComments_KeepsCommentNodes(string input, string expected)
    {
        var trees = Parser.Parse("comment", input, _ => false, emitComments: true);
        Assert.Equal(expected, trees["comment"].Root.ToString());
    }

    [Fact]
    public void Parse_Error_CarriesNameLineAndOneBasedColumn()
    {
        var exception = Assert.Throws<TemplateException>(() => Parse("var1", "line1\n{{\n  x\n}}"));
        Assert.Equal("template: var1:3:3: function \"x\" not defined", exception.Message);
        Assert.Equal(("var1", 3, 3), (exception.TemplateName, exception.Line, exception.Column));
    }

    [Fact]
    public void Parse_Block_DefinesInnerTemplateAndInvokesIt()
    {
        var trees = Parse("outer", "a{{block \"inner\" .}}bar{{.}}baz{{end}}b");
        Assert.Equal("\"a\"{{template \"inner\" .}}\"b\"", trees["outer"].Root.ToString());
        Assert.Equal("\"bar\"{{.}}\"baz\"", trees["inner"].Root.ToString());
    }

    [Fact]
    public void Parse_BreakWhenAFunctionIsNamedBreak_IsAFunctionCall()
    {
        const string input = "{{range .X}}{{break 20}}{{end}}";
        Assert.NotNull(Parser.Parse("t", input, name => name == "break"));
        Assert.Throws<TemplateException>(() => Parser.Parse("t", input, _ => false));
    }

    [Fact]
    public void Parse_ActionsOnSuccessiveLines_RecordTheirLine()
    {
        var root = Parse("bench", string.Concat(Enumerable.Repeat("{{printf 1234}}\n", 3)))["bench"].Root;
        for (var i = 0; i < root.Nodes.Count; i += 2)
        {
            var action = Assert.IsType<ActionNode>(root.Nodes[i]);
            Assert.Equal((1 + (i / 2), 1 + (i / 2)), (action.Line, action.Pipe.Line));
        }
    }

    private static IReadOnlyDictionary<string, TemplateTree> Parse(string name, string input) =>
        Parser.Parse(name, input, fn => fn is "printf" or "contains", maxParenDepth: 3);

    /// <summary>Go's messages carry only the line; ours add a column, which the Go tables do not know.</summary>
    private static string WithoutColumn(string message) => ColumnPattern().Replace(message, "$1:");

    [GeneratedRegex(@"(:\d+):\d+:")]
    private static partial Regex ColumnPattern();
}
