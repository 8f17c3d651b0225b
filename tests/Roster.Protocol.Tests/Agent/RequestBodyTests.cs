using System.Text;
using System.Text.Json;
using Roster.Protocol.Agent;
using Roster.Protocol.Catalog;
using Roster.Protocol.Json;

namespace Roster.Protocol.Tests.Agent;

/// <summary>The request bodies real clients send (consul-api.md §0, §6.2), decoded as the agent will.</summary>
public sealed class RequestBodyTests
{
    [Fact]
    public void Decode_NodeConsulRegistration_BindsEveryField()
    {
        // §0: what node-consul 0.27 sends for the demo's service-www.js.
        var definition = Decode<ServiceDefinition>(
            "{\"Name\":\"www\",\"ID\":\"www-myhost-20001-6f1c\",\"Address\":\"myhost\",\"Port\":20001," +
            "\"Check\":{\"TTL\":\"10s\",\"DeregisterCriticalServiceAfter\":\"1m\"}}");

        Assert.Equal(
            new ServiceDefinition
            {
                Name = "www",
                Id = "www-myhost-20001-6f1c",
                Address = "myhost",
                Port = 20001,
                Check = new CheckType { Ttl = TimeSpan.FromSeconds(10), DeregisterCriticalServiceAfter = TimeSpan.FromMinutes(1) },
            },
            definition);
    }

    [Fact]
    public void Decode_LowercaseAndSnakeKeys_BindLikePascalCase()
    {
        // §6.2 item 9.
        var definition = Decode<ServiceDefinition>(
            "{\"name\":\"w2\",\"id\":\"w2-1\",\"port\":81,\"check\":{\"ttl\":\"10s\",\"deregister_critical_service_after\":\"1m\"}}");

        Assert.Equal(("w2", "w2-1", 81), (definition.Name, definition.Id, definition.Port));
        Assert.Equal(new CheckType { Ttl = TimeSpan.FromSeconds(10), DeregisterCriticalServiceAfter = TimeSpan.FromMinutes(1) }, definition.Check);
    }

    [Fact]
    public void Decode_GoClientShapeWithNullChecks_HasNoChecks()
    {
        // §6.2 item 16: the Go api client always writes Check and Checks, null when unset.
        var definition = Decode<ServiceDefinition>("{\"Name\":\"web\",\"Port\":80,\"Check\":null,\"Checks\":null}");

        Assert.Equal(new ServiceDefinition { Name = "web", Port = 80 }, definition);
        Assert.Null(definition.Check);
        Assert.Null(definition.Checks);
    }

    [Fact]
    public void Decode_GoClientFullRegistration_BindsEveryField()
    {
        var definition = Decode<ServiceDefinition>(
            "{\"Kind\":\"\",\"ID\":\"web-1\",\"Name\":\"web\",\"Tags\":[\"v1\",\"blue\"],\"Port\":8080,\"Address\":\"10.1.2.3\"," +
            "\"TaggedAddresses\":{\"lan_ipv4\":{\"Address\":\"10.1.2.3\",\"Port\":8080}},\"EnableTagOverride\":true," +
            "\"Meta\":{\"env\":\"prod\"},\"Weights\":{\"Passing\":3,\"Warning\":1}," +
            "\"Check\":{\"CheckID\":\"web-http\",\"Name\":\"HTTP\",\"Interval\":\"10s\",\"Timeout\":\"1s\",\"HTTP\":\"http://10.1.2.3:8080/health\"," +
            "\"Header\":{\"Accept\":[\"text/plain\"]},\"Method\":\"HEAD\",\"Status\":\"passing\",\"Notes\":\"n\",\"TLSSkipVerify\":true," +
            "\"SuccessBeforePassing\":2,\"FailuresBeforeWarning\":1,\"FailuresBeforeCritical\":3}," +
            "\"Checks\":[{\"TCP\":\"10.1.2.3:8080\",\"Interval\":\"5s\"},{\"TTL\":\"30s\",\"DeregisterCriticalServiceAfter\":\"1m0s\"}]," +
            "\"Token\":\"t\"}");

        Assert.Equal(("web-1", "web", 8080, "10.1.2.3", true, "t"), (definition.Id, definition.Name, definition.Port, definition.Address, definition.EnableTagOverride, definition.Token));
        Assert.Equal(["v1", "blue"], definition.Tags);
        Assert.Equal(new ServiceAddress { Address = "10.1.2.3", Port = 8080 }, definition.TaggedAddresses!["lan_ipv4"]);
        Assert.Equal("prod", definition.Meta!["env"]);
        Assert.Equal(new Weights { Passing = 3, Warning = 1 }, definition.Weights);
        var check = definition.Check!;
        Assert.Equal(("web-http", "HTTP", "http://10.1.2.3:8080/health", "HEAD", "passing", "n"), (check.CheckId, check.Name, check.Http, check.Method, check.Status, check.Notes));
        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1), true), (check.Interval, check.Timeout, check.TlsSkipVerify));
        Assert.Equal((2, 1, 3), (check.SuccessBeforePassing, check.FailuresBeforeWarning, check.FailuresBeforeCritical));
        Assert.Equal(["text/plain"], check.Header!["Accept"]);
        Assert.Equal(2, definition.Checks!.Count);
        Assert.Equal(("10.1.2.3:8080", TimeSpan.FromSeconds(5)), (definition.Checks[0].Tcp, definition.Checks[0].Interval));
        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1)), (definition.Checks[1].Ttl, definition.Checks[1].DeregisterCriticalServiceAfter));
    }

    [Fact]
    public void Decode_WeightsWithOneKey_KeepsGoZeroForTheOther()
    {
        // §6.2 item 18 relies on this: {"Passing":0,...} must reach the agent's validation as 0, not as a default.
        Assert.Equal(new Weights { Passing = 0, Warning = 1 }, Decode<ServiceDefinition>("{\"Weights\":{\"Warning\":1}}").Weights);
    }

    [Fact]
    public void Decode_CheckRegistration_BindsEveryField()
    {
        var check = Decode<CheckDefinition>(
            "{\"ID\":\"mem\",\"Name\":\"Memory\",\"Notes\":\"n\",\"ServiceID\":\"web-1\",\"Token\":\"t\",\"Status\":\"warning\"," +
            "\"TTL\":\"15s\",\"DeregisterCriticalServiceAfter\":\"90m\"}");

        Assert.Equal(
            new CheckDefinition
            {
                Id = "mem",
                Name = "Memory",
                Notes = "n",
                ServiceId = "web-1",
                Token = "t",
                Status = "warning",
                Ttl = TimeSpan.FromSeconds(15),
                DeregisterCriticalServiceAfter = TimeSpan.FromMinutes(90),
            },
            check);
    }

    [Fact]
    public void Decode_CheckRegistrationWithCheckId_UnknownAsInConsul()
    {
        var exception = Assert.Throws<ConsulDecodeException>(() => Decode<CheckDefinition>("{\"Name\":\"c\",\"CheckID\":\"c\"}"));
        Assert.Equal("json: unknown field \"CheckID\"", exception.Message);
    }

    [Theory]
    [InlineData("{\"Status\":\"passing\",\"Output\":\"x\"}", "passing", "x")]
    [InlineData("{\"status\":\"bad\"}", "bad", null)]
    [InlineData("{}", null, null)]
    public void Decode_CheckUpdate_BindsStatusAndOutput(string body, string? status, string? output)
    {
        Assert.Equal(new CheckUpdate { Status = status, Output = output }, Decode<CheckUpdate>(body));
    }

    [Fact]
    public void Decode_CheckUpdateWithNote_UnknownAsInConsul()
    {
        var exception = Assert.Throws<ConsulDecodeException>(() => Decode<CheckUpdate>("{\"Status\":\"passing\",\"Note\":\"x\"}"));
        Assert.Equal("json: unknown field \"Note\"", exception.Message);
    }

    [Fact]
    public void Serialize_ServiceDefinition_WritesWhatGoApiClientWrites()
    {
        var definition = new ServiceDefinition
        {
            Id = "www-1",
            Name = "www",
            Address = "127.0.0.1",
            Port = 20001,
            Check = new CheckType { Ttl = TimeSpan.FromSeconds(10), DeregisterCriticalServiceAfter = TimeSpan.FromMinutes(1) },
        };

        Assert.Equal(
            "{\"ID\":\"www-1\",\"Name\":\"www\",\"Address\":\"127.0.0.1\",\"Port\":20001," +
            "\"Check\":{\"TTL\":\"10s\",\"DeregisterCriticalServiceAfter\":\"1m0s\"},\"Checks\":null}",
            JsonSerializer.Serialize(definition, ConsulJson.ResponseOptions));
    }

    [Fact]
    public void Serialize_ServiceDefinition_DecodesBackToEqualRecord()
    {
        var definition = new ServiceDefinition
        {
            Id = "web-1",
            Name = "web",
            Tags = ["a"],
            Port = 80,
            Meta = new Dictionary<string, string> { ["k"] = "v" },
            Weights = Weights.Default,
            EnableTagOverride = true,
            Check = new CheckType { Http = "http://127.0.0.1/", Interval = TimeSpan.FromSeconds(1), H2PingUseTls = false },
        };

        var decoded = Decode<ServiceDefinition>(JsonSerializer.Serialize(definition, ConsulJson.ResponseOptions));

        Assert.Equal(definition with { Tags = null, Meta = null }, decoded with { Tags = null, Meta = null });
        Assert.Equal(definition.Tags, decoded.Tags);
        Assert.Equal(definition.Meta, decoded.Meta);
    }

    private static T Decode<T>(string body) => ConsulJson.Decode<T>(Encoding.UTF8.GetBytes(body));
}
