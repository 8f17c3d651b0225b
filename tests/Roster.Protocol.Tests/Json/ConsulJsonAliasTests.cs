using System.Text;
using Roster.Protocol.Agent;
using Roster.Protocol.Json;

namespace Roster.Protocol.Tests.Json;

/// <summary>The snake_case aliases of Consul's UnmarshalJSON methods, and the keys Consul tolerates and drops.</summary>
public sealed class ConsulJsonAliasTests
{
    [Theory]
    [InlineData("{\"Check\":{\"deregister_critical_service_after\":\"1m\"}}", 1)]
    [InlineData("{\"Check\":{\"Deregister_Critical_Service_After\":\"1m\"}}", 1)]
    [InlineData("{\"Check\":{\"DeregisterCriticalServiceAfter\":\"2m\",\"deregister_critical_service_after\":\"1m\"}}", 2)]
    [InlineData("{\"Check\":{\"deregister_critical_service_after\":\"1m\",\"DeregisterCriticalServiceAfter\":\"2m\"}}", 2)]
    [InlineData("{\"Check\":{\"DeregisterCriticalServiceAfter\":null,\"deregister_critical_service_after\":\"1m\"}}", 1)]
    [InlineData("{\"Check\":{\"DeregisterCriticalServiceAfter\":\"2m\",\"deregister_critical_service_after\":\"bogus\"}}", 2)]
    [InlineData("{\"Check\":{\"DeregisterCriticalServiceAfter\":\"0s\",\"deregister_critical_service_after\":\"1m\"}}", 0)]
    public void Decode_DurationAlias_UsedOnlyWhenOwnKeyAbsentOrNull(string body, int expectedMinutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), Decode<ServiceDefinition>(body).Check!.DeregisterCriticalServiceAfter);
    }

    [Theory]
    [InlineData("{\"enable_tag_override\":true}", true)]
    [InlineData("{\"EnableTagOverride\":false,\"enable_tag_override\":true}", true)]
    [InlineData("{\"EnableTagOverride\":true,\"enable_tag_override\":false}", true)]
    [InlineData("{\"EnableTagOverride\":false,\"enable_tag_override\":false}", false)]
    public void Decode_BoolAlias_OredWithOwnKeyAsInConsul(string body, bool expected)
    {
        Assert.Equal(expected, Decode<ServiceDefinition>(body).EnableTagOverride);
    }

    [Theory]
    [InlineData("{\"Check\":{\"args\":[\"a\"],\"script_args\":[\"b\"]}}", "a")]
    [InlineData("{\"Check\":{\"script_args\":[\"b\"]}}", "b")]
    [InlineData("{\"Check\":{\"ScriptArgs\":[],\"script_args\":[\"b\"]}}", "b")]
    [InlineData("{\"Check\":{\"ScriptArgs\":[\"c\"],\"args\":[\"a\"]}}", "c")]
    [InlineData("{\"Check\":{\"Args\":[\"a\"]}}", "a")]
    public void Decode_ScriptArgsAliases_FirstNonEmptyInConsulOrder(string body, string expected)
    {
        Assert.Equal([expected], Decode<ServiceDefinition>(body).Check!.ScriptArgs);
    }

    [Fact]
    public void Decode_CheckTypeSnakeKeys_BindToTheirProperties()
    {
        var check = Decode<ServiceDefinition>(
            "{\"Check\":{\"docker_container_id\":\"d\",\"tls_server_name\":\"t\",\"tls_skip_verify\":true,\"grpc_use_tls\":true,\"h2ping_use_tls\":false}}").Check!;
        Assert.Equal(("d", "t", true, true, (bool?)false), (check.DockerContainerId, check.TlsServerName, check.TlsSkipVerify, check.GrpcUseTls, check.H2PingUseTls));
    }

    [Fact]
    public void Decode_TaggedAddressesAlias_UsedWhenOwnKeyEmpty()
    {
        var definition = Decode<ServiceDefinition>(
            "{\"TaggedAddresses\":{},\"tagged_addresses\":{\"lan\":{\"address\":\"10.0.0.1\",\"port\":80}}}");
        var lan = definition.TaggedAddresses!["lan"];
        Assert.Equal(("10.0.0.1", 80), (lan.Address, lan.Port));
    }

    [Theory]
    [InlineData("{\"Check\":{\"ServiceID\":\"x\",\"TTL\":\"1s\"}}")]
    [InlineData("{\"Check\":{\"service_id\":\"x\",\"TTL\":\"1s\"}}")]
    [InlineData("{\"Checks\":[{\"serviceid\":\"x\",\"TTL\":\"1s\"}]}")]
    [InlineData("{\"Name\":\"x\",\"Proxy\":{\"Mode\":\"\"},\"Connect\":{},\"SocketPath\":\"\",\"Namespace\":\"default\",\"Partition\":\"\",\"Locality\":null}")]
    public void Decode_KeysConsulToleratesAndIgnores_Accepted(string body)
    {
        Decode<ServiceDefinition>(body);
    }

    [Fact]
    public void Decode_CheckDefinitionSnakeKeys_BindIncludingServiceIdAndDisableRedirects()
    {
        var check = Decode<CheckDefinition>(
            "{\"name\":\"api\",\"service_id\":\"web-1\",\"http\":\"http://127.0.0.1/health\",\"interval\":\"10s\",\"disable_redirects\":true,\"Namespace\":\"default\"}");
        Assert.Equal(("api", "web-1", "http://127.0.0.1/health", TimeSpan.FromSeconds(10), true),
            (check.Name, check.ServiceId, check.Http, check.Interval, check.DisableRedirects));
    }

    [Fact]
    public void Decode_CheckTypeDisableRedirectsSnake_UnknownAsInConsul()
    {
        // Only CheckDefinition has the disable_redirects alias; CheckType does not.
        var exception = Assert.Throws<ConsulDecodeException>(() => Decode<ServiceDefinition>("{\"Check\":{\"disable_redirects\":true}}"));
        Assert.Equal("json: unknown field \"disable_redirects\"", exception.Message);
    }

    private static T Decode<T>(string body) => ConsulJson.Decode<T>(Encoding.UTF8.GetBytes(body));
}
