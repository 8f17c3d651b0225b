using System.Text.Json;
using Roster.Protocol.Health;
using Roster.Protocol.Json;
using Roster.Protocol.Tests.Catalog;

namespace Roster.Protocol.Tests.Health;

public sealed class HealthResponseTests
{
    private static HealthCheck TtlCheck => new()
    {
        Node = "n1",
        CheckId = "service:www-1",
        Name = "Service 'www' check",
        Status = CheckStatus.Critical,
        ServiceId = "www-1",
        ServiceName = "www",
        Type = CheckTypes.Ttl,
        CreateIndex = 21,
        ModifyIndex = 21,
    };

    private static string TtlCheckJson =>
        "{\"Node\":\"n1\",\"CheckID\":\"service:www-1\",\"Name\":\"Service 'www' check\",\"Status\":\"critical\",\"Notes\":\"\"," +
        "\"Output\":\"\",\"ServiceID\":\"www-1\",\"ServiceName\":\"www\",\"ServiceTags\":[],\"Type\":\"ttl\",\"Interval\":\"\"," +
        "\"Timeout\":\"\",\"ExposedPort\":0,\"Definition\":{},\"CreateIndex\":21,\"ModifyIndex\":21}";

    [Fact]
    public void Serialize_TtlCheck_MatchesConsulWithEmptyDefinition()
    {
        Assert.Equal(TtlCheckJson, Serialize(TtlCheck));
    }

    [Fact]
    public void Serialize_HttpCheck_DefinitionHasOnlyGivenFieldsAndGoDurations()
    {
        var check = TtlCheck with
        {
            CheckId = "service:www-1:2",
            Status = CheckStatus.Passing,
            Output = "HTTP GET http://127.0.0.1:20001/health: 200 OK Output: ok",
            Type = CheckTypes.Http,
            Interval = "10s",
            Timeout = "1s",
            Definition = new HealthCheckDefinition
            {
                Interval = TimeSpan.FromSeconds(10),
                Timeout = TimeSpan.FromSeconds(1),
                DeregisterCriticalServiceAfter = TimeSpan.FromMinutes(1),
                Http = "http://127.0.0.1:20001/health",
                Header = new Dictionary<string, IReadOnlyList<string>> { ["X-A"] = ["b"] },
                Method = "GET",
            },
        };

        Assert.Equal(
            "{\"Node\":\"n1\",\"CheckID\":\"service:www-1:2\",\"Name\":\"Service 'www' check\",\"Status\":\"passing\",\"Notes\":\"\"," +
            "\"Output\":\"HTTP GET http://127.0.0.1:20001/health: 200 OK Output: ok\",\"ServiceID\":\"www-1\",\"ServiceName\":\"www\"," +
            "\"ServiceTags\":[],\"Type\":\"http\",\"Interval\":\"10s\",\"Timeout\":\"1s\",\"ExposedPort\":0," +
            "\"Definition\":{\"Interval\":\"10s\",\"Timeout\":\"1s\",\"DeregisterCriticalServiceAfter\":\"1m0s\"," +
            "\"HTTP\":\"http://127.0.0.1:20001/health\",\"Header\":{\"X-A\":[\"b\"]},\"Method\":\"GET\"},\"CreateIndex\":21,\"ModifyIndex\":21}",
            Serialize(check));
    }

    [Fact]
    public void Serialize_DefinitionWithZeroDurations_OmitsThemNeverEmptyStrings()
    {
        var definition = new HealthCheckDefinition { Interval = TimeSpan.Zero, Timeout = null, Tcp = "127.0.0.1:80" };

        Assert.Equal("{\"TCP\":\"127.0.0.1:80\"}", Serialize(definition));
    }

    [Fact]
    public void Serialize_CheckServiceNode_MatchesConsul()
    {
        var serf = new HealthCheck
        {
            Node = "n1",
            CheckId = "serfHealth",
            Name = "Serf Health Status",
            Status = CheckStatus.Passing,
            Output = "Agent alive and reachable",
            CreateIndex = 5,
            ModifyIndex = 5,
        };
        var entry = new CheckServiceNode { Node = CatalogResponseTests.DevNode, Service = CatalogResponseTests.Www1, Checks = [serf, TtlCheck] };

        Assert.Equal(
            "{\"Node\":" + CatalogResponseTests.DevNodeJson + ",\"Service\":" + CatalogResponseTests.Www1Json + ",\"Checks\":[" +
            "{\"Node\":\"n1\",\"CheckID\":\"serfHealth\",\"Name\":\"Serf Health Status\",\"Status\":\"passing\",\"Notes\":\"\"," +
            "\"Output\":\"Agent alive and reachable\",\"ServiceID\":\"\",\"ServiceName\":\"\",\"ServiceTags\":[],\"Type\":\"\"," +
            "\"Interval\":\"\",\"Timeout\":\"\",\"ExposedPort\":0,\"Definition\":{},\"CreateIndex\":5,\"ModifyIndex\":5}," +
            TtlCheckJson + "]}",
            Serialize(entry));
    }

    [Theory]
    [InlineData("<html>&</html>", "\"\\u003chtml\\u003e\\u0026\\u003c/html\\u003e\"")]
    [InlineData("Service 'www' check", "\"Service 'www' check\"")]
    [InlineData("1\u00b5s caf\u00e9 \U0001F600", "\"1\u00b5s caf\u00e9 \U0001F600\"")]
    [InlineData("a\"b\\c\n\t\u0001\u2028+`", "\"a\\\"b\\\\c\\n\\t\\u0001\\u2028+`\"")]
    public void Serialize_Text_EscapedExactlyAsGo(string text, string expected)
    {
        Assert.Equal(expected, Serialize(text));
    }

    [Fact]
    public void Deserialize_RealConsulDefinition_ReadsDurationsFromStringsOrNumbers()
    {
        var definition = JsonSerializer.Deserialize<HealthCheckDefinition>(
            "{\"Interval\":\"10s\",\"Timeout\":1000000000,\"HTTP\":\"http://x/\",\"TTL\":10000000000,\"GRPC\":\"\"}",
            ConsulJson.ResponseOptions)!;

        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1), "http://x/"), (definition.Interval, definition.Timeout, definition.Http));
    }

    [Theory]
    [InlineData("passing", true)]
    [InlineData("warning", true)]
    [InlineData("critical", true)]
    [InlineData("maintenance", false)]
    [InlineData("any", false)]
    [InlineData("Passing", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValid_Status_OnlyTheThreeCheckStates(string? status, bool expected)
    {
        Assert.Equal(expected, CheckStatus.IsValid(status));
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, ConsulJson.ResponseOptions);
}
