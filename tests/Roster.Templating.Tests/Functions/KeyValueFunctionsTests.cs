using Roster.Templating.Data;
using Roster.Templating.Functions;

namespace Roster.Templating.Tests.Functions;

public class KeyValueFunctionsTests
{
    [Fact]
    public void Explode_Tree_NestsBySegments()
    {
        // template_test.go helper_explode: "foomap[bar:a]zipmap[zap:b]".
        var tree = KeyValueFunctions.Explode([new KeyPair { Key = "", Value = "" }, new KeyPair { Key = "foo/bar", Value = "a" },
            new KeyPair { Key = "zip/zap", Value = "b" }, new KeyPair { Key = "folder/", Value = "" }]);

        Assert.Equal(["foo", "zip", "folder"], tree.Keys);
        Assert.Equal("a", Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(tree["foo"])["bar"]);
        Assert.Empty(Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(tree["folder"]));
    }

    [Fact]
    public void Explode_ValueThenFolder_ThrowsNotAMap()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            KeyValueFunctions.Explode([new KeyPair { Key = "a/b", Value = "1" }, new KeyPair { Key = "a/b/c", Value = "2" }]));

        // Go quotes the key as it stood one level up: the full key here.
        Assert.Equal("explode: not a map: \"a/b/c\": \"b\" already has value \"1\"", e.Message);
    }

    [Fact]
    public void Explode_FolderThenValue_ValueWins() =>
        Assert.Equal("2", KeyValueFunctions.Explode([new KeyPair { Key = "a/b", Value = "1" }, new KeyPair { Key = "a", Value = "2" }])["a"]);

    [Fact]
    public void ExplodeMap_FlatMap_NestsInSortedKeyOrder()
    {
        // template_test.go helper_explodemap: "map[foo:map[bar:a] qux:c zip:map[zap:d]]".
        var tree = KeyValueFunctions.ExplodeMap(new Dictionary<string, object?> { ["zip/zap"] = "d", ["qux"] = "c", ["foo/bar"] = "a" });

        Assert.Equal("{\"foo\":{\"bar\":\"a\"},\"qux\":\"c\",\"zip\":{\"zap\":\"d\"}}", JsonFunctions.ToJson(tree));
    }
}
