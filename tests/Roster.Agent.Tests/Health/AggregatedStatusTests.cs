using Roster.Agent.Catalog;
using Roster.Agent.Health;
using Roster.Protocol.Health;

namespace Roster.Agent.Tests.Health;

public sealed class AggregatedStatusTests
{
    [Theory]
    [InlineData(new string[0], CheckStatus.Passing)]
    [InlineData(new[] { "passing", "passing" }, CheckStatus.Passing)]
    [InlineData(new[] { "passing", "warning" }, CheckStatus.Warning)]
    [InlineData(new[] { "warning", "critical", "passing" }, CheckStatus.Critical)]
    [InlineData(new[] { "passing", "bogus" }, "")]
    public void Of_Statuses_WorstWinsAsConsulAggregates(string[] statuses, string expected)
    {
        var checks = statuses.Select((s, i) => new CheckInstance { Id = $"c{i}", Name = "c", Status = s });

        Assert.Equal(expected, AggregatedStatus.Of(checks));
    }

    [Fact]
    public void Of_MaintenanceCheckPresent_IsMaintenanceWhateverElse()
    {
        CheckInstance[] checks =
        [
            new() { Id = "c", Name = "c", Status = CheckStatus.Passing },
            new() { Id = CatalogStore.ServiceMaintenancePrefix + "web-1", Name = "m", Status = CheckStatus.Critical },
        ];

        Assert.Equal(CheckStatus.Maintenance, AggregatedStatus.Of(checks));
    }

    [Theory]
    [InlineData(CheckStatus.Passing, 200)]
    [InlineData(CheckStatus.Warning, 429)]
    [InlineData(CheckStatus.Critical, 503)]
    [InlineData(CheckStatus.Maintenance, 503)]
    public void HttpStatus_ByAggregatedStatus_MatchesConsulsAgentHealthEndpoint(string status, int expected) =>
        Assert.Equal(expected, AggregatedStatus.HttpStatus(status));
}
