using Roster.Templating.Data;
using Roster.Templating.Functions;

namespace Roster.Templating.Tests.Functions;

public class GroupingFunctionsTests
{
    private static readonly HealthService Web1 = new() { ID = "svcA", Address = "1.2.3.4", Port = 8080, Tags = new(["prod", "staging"]) };
    private static readonly HealthService Web2 = new() { ID = "svcB", Address = "5.6.7.8", Port = 9090, Tags = new(["staging"]) };

    [Fact]
    public void ByTag_HealthServices_GroupsBySortedTag()
    {
        // template_test.go helper_by_tag: "prod:1.2.3.4staging:1.2.3.45.6.7.8".
        var groups = GroupingFunctions.ByTag(new List<HealthService> { Web1, Web2 });

        Assert.Equal(["prod", "staging"], groups.Keys);
        Assert.Equal([Web1], groups["prod"]);
        Assert.Equal([Web1, Web2], groups["staging"]);
    }

    [Fact]
    public void ByTag_CatalogServicesAndSnippets_UseTheirTags()
    {
        var catalog = new CatalogService { ServiceID = "a", ServiceTags = new(["x"]) };
        var snippet = new CatalogSnippet { Name = "web", Tags = new(["y", "z"]) };

        Assert.Equal(["x"], GroupingFunctions.ByTag(new[] { catalog }).Keys);
        Assert.Equal(["y", "z"], GroupingFunctions.ByTag(new[] { snippet }).Keys);
        Assert.Empty(GroupingFunctions.ByTag(null));
    }

    [Theory]
    [InlineData("x", "byTag: wrong argument type string")]
    [InlineData(5L, "byTag: wrong argument type int")]
    public void ByTag_WrongType_Throws(object value, string message) =>
        Assert.Equal(message, Assert.Throws<InvalidOperationException>(() => GroupingFunctions.ByTag(value)).Message);

    [Fact]
    public void ByPort_Services_GroupsByPort()
    {
        // funcs_test.go Test_byPort.
        var groups = GroupingFunctions.ByPort(new[] { Web1, Web1 with { ID = "svcC" }, Web2 });

        Assert.Equal([8080L, 9090L], groups.Keys);
        Assert.Equal(2, groups[8080].Count);
        Assert.Equal("byPort: wrong argument type []CatalogSnippet",
            Assert.Throws<InvalidOperationException>(() => GroupingFunctions.ByPort(new[] { new CatalogSnippet { Name = "svcA" } })).Message);
    }

    [Fact]
    public void ByKey_Pairs_GroupsByTopFolderAndStripsIt()
    {
        // template_test.go helper_by_key: "foo:bar=azip:zap=b".
        KeyPair[] pairs = [new() { Key = "", Value = "" }, new() { Key = "foo/bar", Value = "a" }, new() { Key = "zip/zap", Value = "b" },
            new() { Key = "zip/deep/er", Value = "c" }, new() { Key = "top", Value = "dropped" }];

        var groups = GroupingFunctions.ByKey(pairs);

        Assert.Equal(["foo", "zip"], groups.Keys);
        Assert.Equal("bar", groups["foo"]["bar"].Key);
        Assert.Equal("a", groups["foo"]["bar"].Value);
        Assert.Equal(["deep/er", "zap"], groups["zip"].Keys);
        Assert.Equal("foo/bar", pairs[1].Key); // the input is not modified
    }

    [Fact]
    public void ByMeta_Keys_GroupsLikeConsulTemplate()
    {
        // funcs_test.go Test_byMeta.
        var a = new HealthService { ID = "svcA", ServiceMeta = Meta("v2", "2", "dev") };
        var b = new HealthService { ID = "svcB", ServiceMeta = Meta("v11", "11", "prod") };
        var c = new HealthService { ID = "svcC", ServiceMeta = Meta("v11", "11", "prod") };

        Assert.Equal(["v11", "v2"], GroupingFunctions.ByMeta("version", [a, b, c]).Keys);
        Assert.Equal(["00002", "00011"], GroupingFunctions.ByMeta("version_num|int", [a, b, c]).Keys);
        Assert.Equal(["dev_00002_v2", "prod_00011_v11"], GroupingFunctions.ByMeta("env,version_num|int,version", [a, b, c]).Keys);
        Assert.Equal(["_no_missing_"], GroupingFunctions.ByMeta("missing", [a]).Keys);
        Assert.Equal("cannot parse 1zz as number : strconv.Atoi: parsing \"1zz\": invalid syntax",
            Assert.Throws<InvalidOperationException>(() => GroupingFunctions.ByMeta("bad_version_num|int", [a])).Message);
    }

    private static Dictionary<string, string> Meta(string version, string number, string env) => new()
    {
        ["version"] = version, ["version_num"] = number, ["bad_version_num"] = "1zz", ["env"] = env,
    };
}
