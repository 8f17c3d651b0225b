using Roster.Templating.Data;

namespace Roster.Templating.Tests.Data;

public class ServiceTagsTests
{
    private static readonly ServiceTags Tags = ServiceTags.Sorted(["web", "prod", "Blue"]);

    [Fact]
    public void Sorted_Tags_SortsOrdinallyAndPrintsLikeGo()
    {
        Assert.Equal(["Blue", "prod", "web"], Tags);
        Assert.Equal(3, Tags.Count);
        Assert.Equal("prod", Tags[1]);
        Assert.Equal("[Blue prod web]", Tags.ToString());
        Assert.Equal("[]", ServiceTags.Empty.ToString());
    }

    [Theory]
    [InlineData(new[] { "prod" }, true, true, true, false, false)]
    [InlineData(new[] { "prod", "dev" }, false, false, true, false, true)]
    [InlineData(new[] { "dev" }, false, false, false, true, true)]
    [InlineData(new string[0], false, true, false, true, false)]
    public void ContainsMethods_Needles_MatchConsulTemplateSemantics(string[] needles, bool contains, bool all, bool any, bool none, bool notAll)
    {
        Assert.Equal(contains, needles.Length == 1 && Tags.Contains(needles[0]));
        Assert.Equal(all, Tags.ContainsAll(needles));
        Assert.Equal(any, Tags.ContainsAny(needles));
        Assert.Equal(none, Tags.ContainsNone(needles));
        Assert.Equal(notAll, Tags.ContainsNotAll(needles));
    }
}
