using Roster.Templating.Data;
using Roster.Templating.Functions;

namespace Roster.Templating.Tests.Functions;

public class JsonFunctionsTests
{
    public static TheoryData<object?, string> Compact => new()
    {
        { StringFunctions.Split(",", "a,b,c"), "[\"a\",\"b\",\"c\"]" }, // template_test.go helper_toJSON
        { null, "null" },
        { new List<object?>(), "[]" },
        { new Dictionary<string, object?>(), "{}" },
        { new Dictionary<string, object?> { ["b"] = 1L, ["a"] = true, ["c"] = null }, "{\"a\":true,\"b\":1,\"c\":null}" },
        { "<a&b>", "\"\\u003ca\\u0026b\\u003e\"" },
        { "tab\tnl\nq\"bs\\\u0001\b\f\u2028", "\"tab\\tnl\\nq\\\"bs\\\\\\u0001\\b\\f\\u2028\"" },
        { 1.5, "1.5" },
        { 100.0, "100" },
        { 1e21, "1e+21" },
        { 1e-7, "1e-7" },
        { 0.000001, "0.000001" },
        { 123456789.0, "123456789" },
        { new ServiceTags(["a", "b"]), "[\"a\",\"b\"]" },
        { new CatalogSnippet { Name = "web", Tags = new(["x"]) }, "{\"Name\":\"web\",\"Tags\":[\"x\"]}" },
    };

    [Theory]
    [MemberData(nameof(Compact))]
    public void ToJson_Value_MatchesGoMarshal(object? value, string expected) => Assert.Equal(expected, JsonFunctions.ToJson(value));

    [Fact]
    public void ToJsonPretty_ExplodedTree_IndentsTwoSpacesWithSortedKeys()
    {
        var tree = KeyValueFunctions.Explode([new KeyPair { Key = "b/c", Value = "1" }, new KeyPair { Key = "a", Value = "<x>" }]);

        Assert.Equal("{\n  \"a\": \"\\u003cx\\u003e\",\n  \"b\": {\n    \"c\": \"1\"\n  }\n}", JsonFunctions.ToJsonPretty(tree));
        Assert.Equal("{\"a\":\"\\u003cx\\u003e\",\"b\":{\"c\":\"1\"}}", JsonFunctions.ToJson(tree));
        Assert.Equal("[]", JsonFunctions.ToJsonPretty(new List<string>()));
    }

    [Fact]
    public void ToUnescapedJsonPretty_Tree_KeepsHtmlCharacters()
    {
        // template_test.go helper_toUnescapedJSONPretty.
        var tree = KeyValueFunctions.Explode([new KeyPair { Key = "a", Value = "b&c" }, new KeyPair { Key = "x", Value = "y&z" },
            new KeyPair { Key = "k", Value = "<>&&" }]);

        Assert.Equal("{\n  \"a\": \"b&c\",\n  \"k\": \"<>&&\",\n  \"x\": \"y&z\"\n}", JsonFunctions.ToUnescapedJsonPretty(tree));
        Assert.Equal("[\"a?b&c\",\"x?y&z\"]", JsonFunctions.ToUnescapedJson(StringFunctions.Split(",", "a?b&c,x?y&z")));
    }

    [Fact]
    public void ToJson_NaN_ThrowsWrappedGoError() =>
        Assert.Equal("toJSON: json: unsupported value: NaN", Assert.Throws<InvalidOperationException>(() => JsonFunctions.ToJson(double.NaN)).Message);

    [Fact]
    public void ParseJson_Document_DecodesLikeGoInterface()
    {
        var value = JsonFunctions.ParseJson("{\"foo\": \"bar\", \"n\": 7, \"list\": [1.5, true, null, \"\\u00e9\\ud83d\\ude00\"], \"o\": {}}");

        var map = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(value);
        Assert.Equal("bar", map["foo"]);
        Assert.Equal(7.0, map["n"]);
        Assert.Equal(new object?[] { 1.5, true, null, "é😀" }, Assert.IsAssignableFrom<IReadOnlyList<object?>>(map["list"]));
        Assert.Empty(Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(map["o"]));
        Assert.Empty(Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(JsonFunctions.ParseJson("")));
        Assert.Equal("\"x\"", JsonFunctions.ToJson(JsonFunctions.ParseJson(" \"x\" ")));
    }

    [Theory]
    [InlineData("{", "unexpected end of JSON input")]
    [InlineData("   ", "unexpected end of JSON input")]
    [InlineData("x", "invalid character 'x' looking for beginning of value")]
    [InlineData("[1,]", "invalid character ']' looking for beginning of value")]
    [InlineData("{\"a\":1,}", "invalid character '}' looking for beginning of object key string")]
    [InlineData("{\"a\" 1}", "invalid character '1' after object key")]
    [InlineData("{\"a\":1 \"b\"}", "invalid character '\"' after object key:value pair")]
    [InlineData("[1 2]", "invalid character '2' after array element")]
    [InlineData("01", "invalid character '1' after top-level value")]
    [InlineData("tru", "unexpected end of JSON input")]
    [InlineData("trux", "invalid character 'x' in literal true (expecting 'e')")]
    [InlineData("-x", "invalid character 'x' in numeric literal")]
    [InlineData("1.x", "invalid character 'x' after decimal point in numeric literal")]
    [InlineData("1ex", "invalid character 'x' in exponent of numeric literal")]
    [InlineData("\"a\nb\"", "invalid character '\\n' in string literal")]
    [InlineData("\"\\x\"", "invalid character 'x' in string escape code")]
    [InlineData("\"\\u12x4\"", "invalid character 'x' in \\u hexadecimal character escape")]
    [InlineData("[1e999]", "json: cannot unmarshal number 1e999 into Go value of type float64")]
    public void ParseJson_Invalid_ThrowsGoScannerText(string s, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => JsonFunctions.ParseJson(s)).Message);
}
