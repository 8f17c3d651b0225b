using Roster.Templating.Data;
using Roster.Templating.Functions;

namespace Roster.Templating.Tests.Functions;

public class StringFunctionsTests
{
    public static TheoryData<string, string[], string> Calls => new()
    {
        // From template_test.go's helper_* cases.
        { "trim", ["!!", "!!hello world!!"], "hello world" },
        { "trimPrefix", ["hello ", "hello world!!"], "world!!" },
        { "trimSuffix", [" world!!", "hello world!!"], "hello" },
        { "trimSpace", ["\t hi\n "], "hi" },
        { "toLower", ["HI"], "hi" },
        { "toUpper", ["hi"], "HI" },
        { "toTitle", ["this is a sentence"], "This Is A Sentence" },
        { "toTitle", ["hello-wORLD foo_bar it's"], "Hello-WORLD Foo_bar It's" },
        { "replaceAll", [".", "-", "10.0.0.1"], "10-0-0-1" },
        { "replaceAll", ["", "-", "ab"], "-a-b-" },
        { "trimPrefix", ["", "abc"], "abc" },
        { "trim", ["", "  a  "], "  a  " },
        { "trim", ["ab", "ababa"], "" },
    };

    public static TheoryData<int, string, string> Indents => new()
    {
        { 4, "hello\nhello\r\nHELLO\r\nhello\nHELLO", "    hello\n    hello\r\n    HELLO\r\n    hello\n    HELLO" },
        { 0, "hello\nhello", "hello\nhello" },
        { 2, "a\n\nb\n", "  a\n\n  b\n" },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public void Call_Strings_MatchGo(string name, string[] args, string expected)
    {
        var result = name switch
        {
            "trim" => StringFunctions.Trim(args[0], args[1]),
            "trimPrefix" => StringFunctions.TrimPrefix(args[0], args[1]),
            "trimSuffix" => StringFunctions.TrimSuffix(args[0], args[1]),
            "trimSpace" => StringFunctions.TrimSpace(args[0]),
            "toLower" => StringFunctions.ToLower(args[0]),
            "toUpper" => StringFunctions.ToUpper(args[0]),
            "toTitle" => StringFunctions.ToTitle(args[0]),
            _ => StringFunctions.ReplaceAll(args[0], args[1], args[2]),
        };

        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData(",", "a,b,c", new[] { "a", "b", "c" })]
    [InlineData(",", "  a,,b \n", new[] { "a", "", "b" })]
    [InlineData(",", "   ", new string[0])]
    [InlineData("", "héllo", new[] { "h", "é", "l", "l", "o" })]
    public void Split_Separator_TrimsThenSplits(string sep, string s, string[] expected) =>
        Assert.Equal(expected, StringFunctions.Split(sep, s));

    [Fact]
    public void Join_ServiceTagsOrSplitResult_JoinsWithSeparator()
    {
        Assert.Equal("a;b;c", StringFunctions.Join(";", StringFunctions.Split(",", "a,b,c")));
        Assert.Equal("prod,web", StringFunctions.Join(",", new ServiceTags(["prod", "web"])));
        Assert.Equal("", StringFunctions.Join(",", null));
    }

    [Fact]
    public void SplitToMap_Pairs_SkipsItemsWithoutSeparator()
    {
        var map = StringFunctions.SplitToMap(",", "=", " a=1,b=2=3,c ");

        Assert.Equal(["a", "b"], map.Keys);
        Assert.Equal("2=3", map["b"]);
        Assert.Empty(StringFunctions.SplitToMap(",", "=", ""));
    }

    [Theory]
    [MemberData(nameof(Indents))]
    public void Indent_Lines_PrefixesNonEmptyLines(int spaces, string s, string expected) =>
        Assert.Equal(expected, StringFunctions.Indent(spaces, s));

    [Fact]
    public void Indent_Negative_Throws() =>
        Assert.Equal("indent value must be a positive integer",
            Assert.Throws<InvalidOperationException>(() => StringFunctions.Indent(-4, "x")).Message);
}
