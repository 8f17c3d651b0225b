using Roster.Templating.Dependencies;

namespace Roster.Templating.Tests.Dependencies;

/// <summary>The argument grammar of <c>service</c>, as consul-template parses it (consul-api.md §3.11).</summary>
public sealed class ServiceQueryTests
{
    [Theory]
    [InlineData("www", "www", null, null, "passing")]
    [InlineData("v1.www", "www", "v1", null, "passing")]
    [InlineData("a.b.www", "www", "a.b", null, "passing")]
    [InlineData("www@dc2", "www", null, "dc2", "passing")]
    [InlineData("v1.www@dc2|any", "www", "v1", "dc2", "any")]
    [InlineData("www|passing,warning", "www", null, null, "passing,warning")]
    [InlineData("web-app_2", "web-app_2", null, null, "passing")]
    public void Parse_ValidQuery_SplitsTagNameDatacenterAndFilters(string text, string name, string? tag, string? datacenter, string filters)
    {
        var query = ServiceQuery.Parse([text]);

        Assert.Equal((name, tag, datacenter, filters), (query.Name, query.Tag, query.Datacenter, string.Join(',', query.Filters)));
    }

    [Fact]
    public void Parse_SecondArgument_IsTheFilterAsIfJoinedWithABar()
    {
        var query = ServiceQuery.Parse(["www", "passing,warning"]);

        Assert.Equal(["passing", "warning"], query.Filters);
        Assert.False(query.PassingOnly);
    }

    [Theory]
    [InlineData("", "health.service: cannot specify empty health service dependency")]
    [InlineData("www|passing, warning", "health.service: invalid format: \"www|passing, warning\"")]
    [InlineData("w w", "health.service: invalid format: \"w w\"")]
    [InlineData("www|bogus", "service filter: invalid filter \"bogus\"")]
    [InlineData("www|any,passing", "service filter: cannot specify extra keys when using \"any\"")]
    public void Parse_InvalidQuery_ThrowsConsulTemplatesMessage(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => ServiceQuery.Parse([text]));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("www", "passing", true)]
    [InlineData("www", "warning", false)]
    [InlineData("www|any", "critical", true)]
    [InlineData("www|passing,warning", "warning", true)]
    [InlineData("www|passing,warning", "critical", false)]
    [InlineData("www|maintenance", "maintenance", true)]
    public void Accepts_AggregatedStatus_FollowsTheFilter(string text, string status, bool accepted)
    {
        Assert.Equal(accepted, ServiceQuery.Parse([text]).Accepts(status));
    }
}
