using Roster.Templating.Execution;

namespace Roster.Templating.Tests.Execution;

/// <summary>Go's fmt behaviour as printf and {{.}} expose it (expected values are Go's own output).</summary>
public class FormattingTests
{
    private static readonly Dictionary<string, (string Format, object?[] Args, string Expected)> SprintfTable = new()
    {
        ["%d"] = ("%d", [12345L], "12345"),
        ["%v int"] = ("%v", [12345L], "12345"),
        ["%t"] = ("%t", [true], "true"),
        ["%5d"] = ("%5d", [12L], "   12"),
        ["%-5d"] = ("%-5d|", [12L], "12   |"),
        ["%05d"] = ("%05d", [12L], "00012"),
        ["%05d negative"] = ("%05d", [-12L], "-0012"),
        ["%+d"] = ("%+d", [12L], "+12"),
        ["% d"] = ("% d", [12L], " 12"),
        ["%.3d"] = ("%.3d", [7L], "007"),
        ["%x"] = ("%x", [255L], "ff"),
        ["%X"] = ("%X", [255L], "FF"),
        ["%#x"] = ("%#x", [255L], "0xff"),
        ["%x negative"] = ("%x", [-255L], "-ff"),
        ["%04x"] = ("%04x", [127L], "007f"),
        ["%o"] = ("%o", [8L], "10"),
        ["%#o"] = ("%#o", [8L], "010"),
        ["%O"] = ("%O", [8L], "0o10"),
        ["%b"] = ("%b", [5L], "101"),
        ["%c"] = ("%c", [120L], "x"),
        ["%q rune"] = ("%q", [120L], "'x'"),
        ["%U"] = ("%U", [0x1F600L], "U+1F600"),
        ["%#U"] = ("%#U", [120L], "U+0078 'x'"),
        ["%s"] = ("%s", ["abc"], "abc"),
        ["%5s"] = ("%5s", ["abc"], "  abc"),
        ["%-5s"] = ("%-5s|", ["abc"], "abc  |"),
        ["%.2s"] = ("%.2s", ["abc"], "ab"),
        ["%q"] = ("%q", ["abc"], "\"abc\""),
        ["%q escapes"] = ("%q", ["a\nb\"c"], "\"a\\nb\\\"c\""),
        ["%#q"] = ("%#q", ["abc"], "`abc`"),
        ["%+q"] = ("%+q", ["日本"], "\"\\u65e5\\u672c\""),
        ["%x string"] = ("%x", ["hi"], "6869"),
        ["%f"] = ("%f", [3.14159], "3.141590"),
        ["%.2f"] = ("%.2f", [3.14159], "3.14"),
        ["%8.2f"] = ("%8.2f", [3.14159], "    3.14"),
        ["%-8.2f"] = ("%-8.2f|", [3.14159], "3.14    |"),
        ["%08.2f"] = ("%08.2f", [-3.14159], "-0003.14"),
        ["%+.2f"] = ("%+.2f", [1.0], "+1.00"),
        ["%.0f half even"] = ("%.0f %.0f", [2.5, 3.5], "2 4"),
        ["%e"] = ("%e", [1234.5678], "1.234568e+03"),
        ["%E"] = ("%E", [1234.5678], "1.234568E+03"),
        ["%.2e zero"] = ("%.2e", [0.0], "0.00e+00"),
        ["%g"] = ("%g", [1234.5678], "1234.5678"),
        ["%g small"] = ("%g", [0.000012345], "1.2345e-05"),
        ["%.3g"] = ("%.3g", [1234.5678], "1.23e+03"),
        ["%g 1e-7"] = ("%g", [1e-7], "1e-07"),
        ["%g 100000"] = ("%g", [100000.0], "100000"),
        ["%v 1e6"] = ("%v", [1e6], "1e+06"),
        ["%v 123456"] = ("%v", [123456.0], "123456"),
        ["%v 1234567"] = ("%v", [1234567.0], "1.234567e+06"),
        ["%v 1e21"] = ("%v", [1e21], "1e+21"),
        ["%v 0.1"] = ("%v", [0.1], "0.1"),
        ["%v 100"] = ("%v", [100.0], "100"),
        ["%v NaN"] = ("%v", [double.NaN], "NaN"),
        ["%v +Inf"] = ("%v", [double.PositiveInfinity], "+Inf"),
        ["%5.1f NaN"] = ("%5.1f", [double.NaN], "  NaN"),
        ["%%"] = ("%d%%", [5L], "5%"),
        ["%*d"] = ("%*d", [5L, 12L], "   12"),
        ["%-*d"] = ("%-*d|", [5L, 12L], "12   |"),
        ["%T"] = ("%T %T %T %T %T", [null, "x", 1.5, new List<object?>(), new Dictionary<string, object?>()], "<nil> string float64 []interface {} map[string]interface {}"),
        ["bad verb string"] = ("%d", ["hi"], "%!d(string=hi)"),
        ["bad verb int"] = ("%s", [5L], "%!s(int=5)"),
        ["bad verb float"] = ("%d", [1.5], "%!d(float64=1.5)"),
        ["bad verb nil"] = ("%d", [null], "%!d(<nil>)"),
        ["unknown verb"] = ("%z", [1L], "%!z(int=1)"),
        ["missing"] = ("%d %d", [1L], "1 %!d(MISSING)"),
        ["extra"] = ("%d", [1L, "x", null], "1%!(EXTRA string=x, <nil>)"),
        ["no verb"] = ("abc%", [], "abc%!(NOVERB)"),
        ["%v nil"] = ("%v", [null], "<nil>"),
        ["%v list"] = ("%v", [new List<object?> { 1L, "a", null }], "[1 a <nil>]"),
        ["%d list"] = ("%d", [new List<object?> { 1L, "a" }], "[1 %!d(string=a)]"),
        ["%q list"] = ("%q", [new[] { "a", "b" }], "[\"a\" \"b\"]"),
        ["%3d list"] = ("%3d", [new[] { 1L, 2L }], "[  1   2]"),
        ["%v map sorted"] = ("%v", [new Dictionary<string, long> { ["b"] = 2, ["a"] = 1 }], "map[a:1 b:2]"),
        ["%v nested"] = ("%v", [new List<object?> { new long[] { 1, 2 }, new Dictionary<string, object?> { ["k"] = new long[] { 3 } } }], "[[1 2] map[k:[3]]]"),
        ["%v struct"] = ("%v", [new Point(1, 2)], "{1 2}"),
        ["%+v struct"] = ("%+v", [new Point(1, 2)], "{X:1 Y:2}"),
    };

    public static TheoryData<string> SprintfCases => [.. SprintfTable.Keys];

    public static TheoryData<object?, bool> IsTrueTests => new()
    {
        { 1L, true },
        { 0L, false },
        { (byte)1, true },
        { (byte)0, false },
        { 1.0, true },
        { 0.0, false },
        { true, true },
        { false, false },
        { new long[] { 1, 2 }, true },
        { Array.Empty<long>(), false },
        { "abc", true },
        { string.Empty, false },
        { new Dictionary<string, long> { ["a"] = 1, ["b"] = 2 }, true },
        { new Dictionary<string, long>(), false },
        { new Point(0, 0), true },
        { null, false },
    };

    public static TheoryData<string, string> JSEscaping => new()
    {
        { "a", "a" },
        { "'foo", "\\'foo" },
        { "Go \"jump\" \\", "Go \\\"jump\\\" \\\\" },
        { "Yukihiro says \"今日は世界\"", "Yukihiro says \\\"今日は世界\\\"" },
        { "unprintable \uFFFE", "unprintable \\uFFFE" },
        { "<html>", "\\u003Chtml\\u003E" },
        { "no = in attributes", "no \\u003D in attributes" },
        { "&#x27; does not become HTML entity", "\\u0026#x27; does not become HTML entity" },
    };

    [Theory]
    [MemberData(nameof(SprintfCases))]
    public void Sprintf_GoFormats_MatchGoOutput(string name)
    {
        var (format, args, expected) = SprintfTable[name];
        Assert.Equal(expected, GoPrintf.Sprintf(format, args));
    }

    [Theory]
    [MemberData(nameof(IsTrueTests))]
    public void IsTrue_GoTruthTable_MatchesGo(object? value, bool expected)
    {
        Assert.Equal(expected, GoValues.IsTrue(value));
    }

    [Theory]
    [MemberData(nameof(JSEscaping))]
    public void Js_GoEscapingTable_EscapesLikeJSEscapeString(string input, string expected)
    {
        Assert.Equal(expected, Escaping.JavaScript(input));
    }

    [Fact]
    public void Sprint_SpacesOnlyBetweenNonStrings()
    {
        Assert.Equal("1 2a3 4bc", GoFormatter.Sprint([1L, 2L, "a", 3L, 4L, "b", "c"]));
    }

    [Fact]
    public void Execute_PrintsValuesAsGoDoes()
    {
        var data = new Dictionary<string, object?>
        {
            ["F"] = 3.5,
            ["Big"] = 1e6,
            ["L"] = new List<string> { "a", "b", "c" },
            ["M"] = new Dictionary<string, object?> { ["k2"] = "v2", ["k"] = "v" },
            ["S"] = new Point(7, 8),
        };
        var template = GoTemplate.Parse("t", "{{.F}} {{.Big}} {{.L}} {{.M}} {{.S}} {{.Missing}} {{print .Missing}}", FunctionTable.Builtins);
        Assert.Equal("3.5 1e+06 [a b c] map[k:v k2:v2] {7 8} <no value> <nil>", template.Execute(data));
    }

    [Fact]
    public void Execute_LenIndexSliceOnStrings_CountUtf8Bytes()
    {
        var template = GoTemplate.Parse("t", "{{len .}} {{index . 0}} {{slice . 0 3}}", FunctionTable.Builtins);
        Assert.Equal("4 195 é!", template.Execute("é!!"));
    }

    [Fact]
    public void Execute_HtmlAndUrlQuery_EscapeLikeGo()
    {
        var template = GoTemplate.Parse("t", "{{html \"<a href='x'>&</a>\"}} {{urlquery \"a b&c=d/é\"}} {{html 1 2}}", FunctionTable.Builtins);
        Assert.Equal("&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt; a+b%26c%3Dd%2F%C3%A9 1 2", template.Execute(null));
    }

    [Fact]
    public void Execute_DotNetValueTypes_PrintInvariantTextNotFields()
    {
        var data = new
        {
            When = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc),
            Id = Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff"),
            Price = 2.50m,
            Kind = DayOfWeek.Monday,
        };
        var template = GoTemplate.Parse("t", "{{.When}} {{.Id}} {{.Price}} {{.Kind}}", FunctionTable.Builtins);
        Assert.Equal("05/06/2024 07:08:09 6f9619ff-8b86-d011-b42d-00c04fc964ff 2.5 Monday", template.Execute(data));
    }

    [Fact]
    public void Execute_PropertyGetterThrows_ReportsErrorCalling()
    {
        var exception = Assert.Throws<TemplateException>(() => GoTemplate.Parse("t", "{{.Boom}}", FunctionTable.Builtins).Execute(new Throwing()));
        Assert.EndsWith("error calling Boom: no boom today", exception.Message, StringComparison.Ordinal);
    }

    public sealed record Point(long X, long Y);

    public sealed class Throwing
    {
        private readonly string _message = "no boom today";

        public string Boom => throw new InvalidOperationException(_message);
    }
}
