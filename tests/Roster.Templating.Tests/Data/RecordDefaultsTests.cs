using Roster.Templating.Data;

namespace Roster.Templating.Tests.Data;

public class RecordDefaultsTests
{
    // Go's zero values: templates rely on empty strings, empty maps and empty lists, never nulls.
    [Fact]
    public void HealthService_Default_HasGoZeroValues()
    {
        var service = new HealthService();

        Assert.Equal("", service.Address);
        Assert.Empty(service.Tags);
        Assert.Empty(service.ServiceMeta);
        Assert.Empty(service.NodeTaggedAddresses);
        Assert.Empty(service.ServiceTaggedAddresses);
        Assert.Empty(service.Checks);
        Assert.Equal(new Weights(), service.Weights);
    }

    [Fact]
    public void Records_Defaults_AreEmptyNotNull()
    {
        Assert.Empty(new CatalogService().ServiceTags);
        Assert.Empty(new CatalogSnippet().Tags);
        Assert.Empty(new NodeInfo().Meta);
        Assert.Null(new CatalogNode().Node);
        Assert.Empty(new CatalogNode().Services);
        Assert.Empty(new CatalogNodeService().Meta);
        Assert.Empty(new HealthCheck().ServiceTags);
        Assert.Equal(new KeyPair { Key = "a" }, new KeyPair { Key = "a" });
        Assert.Equal(0UL, new KeyPair().ModifyIndex);
    }
}
