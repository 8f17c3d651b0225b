using Roster.Templating.Data;
using Roster.Templating.Functions;

namespace Roster.Templating.Tests.Functions;

public class CollectionFunctionsTests
{
    public static TheoryData<object?, object?, bool> InCases => new()
    {
        { new ServiceTags(["prod", "staging"]), "prod", true },
        { new ServiceTags(["staging"]), "prod", false },
        { new List<object?> { 1L, 2L }, 2L, true },
        { new List<object?> { 1L, 2L }, 2.0, false }, // Go compares ints with ints only
        { new List<object?> { 1.5, 2.0 }, 2.0, true },
        { new List<object?> { true }, true, false }, // bools never match
        { new List<string> { "a", "b" }, "b", true },
        { "hello world", "o w", true },
        { "hello", "x", false },
        { "hello", 1L, false },
        { null, "a", false },
        { new Dictionary<string, string> { ["a"] = "a" }, "a", false },
    };

    // needles, tags, containsAll, containsAny, containsNone, containsNotAll; from template_test.go's helper_contains*.
    public static TheoryData<object?[], string[], bool, bool, bool, bool> SomeCases => new()
    {
        { ["prod", "us-realm"], ["prod", "us-realm"], true, true, false, false },
        { ["prod", "us-realm"], ["prod", "ca-realm"], false, true, false, true },
        { [], ["prod"], true, false, true, false },
        { ["v2", "v3"], ["prod", "v1"], false, false, true, true },
        { ["es-v1", "es-v2"], ["prod", "hybrid", "es-v1", "es-v2"], true, true, false, false },
    };

    [Theory]
    [MemberData(nameof(InCases))]
    public void In_Haystack_FollowsGoKinds(object? haystack, object? needle, bool expected)
    {
        Assert.Equal(expected, CollectionFunctions.In(haystack, needle));
        Assert.Equal(expected, CollectionFunctions.Contains(needle, haystack));
    }

    [Theory]
    [MemberData(nameof(SomeCases))]
    public void ContainsSome_NeedlesAndTags_MatchConsulTemplate(object?[] needles, string[] tags, bool all, bool any, bool none, bool notAll)
    {
        var list = new ServiceTags(tags);

        Assert.Equal(all, CollectionFunctions.ContainsAll(needles, list));
        Assert.Equal(any, CollectionFunctions.ContainsAny(needles, list));
        Assert.Equal(none, CollectionFunctions.ContainsNone(needles, list));
        Assert.Equal(notAll, CollectionFunctions.ContainsNotAll(needles, list));
    }

    [Fact]
    public void In_NilNeedleAgainstStrings_ThrowsReflectPanicText()
    {
        var e = Assert.Throws<InvalidOperationException>(() => CollectionFunctions.In(new List<string> { "a" }, null));

        Assert.Equal("reflect: call of reflect.Value.Type on zero Value", e.Message);
    }

    [Theory]
    [InlineData(new object[] { 3L }, new long[] { 0, 1, 2 })]
    [InlineData(new object[] { 1L, 3L }, new long[] { 1, 2 })]
    [InlineData(new object[] { 1L, "3" }, new long[] { 1, 2 })]
    [InlineData(new object[] { 5L, 1L }, new long[0])]
    public void Loop_Bounds_CountsUpToEnd(object[] args, long[] expected) =>
        Assert.Equal(expected, CollectionFunctions.Loop(args));

    [Theory]
    [InlineData(new object[0], "loop: wrong number of arguments, expected 1 or 2, but got 0")]
    [InlineData(new object[] { true }, "loop: bad argument type: bool")]
    [InlineData(new object[] { "x" }, "parseInt: strconv.ParseInt: parsing \"x\": invalid syntax")]
    public void Loop_BadArguments_Throws(object[] args, string message) =>
        Assert.Equal(message, Assert.ThrowsAny<Exception>(() => CollectionFunctions.Loop(args)).Message);
}
