using System.Text;
using Roster.Protocol.Agent;
using Roster.Protocol.Json;

namespace Roster.Protocol.Tests.Json;

/// <summary>Key matching, unknown fields, value types and durations, as Consul's decoder treats them.</summary>
public sealed class ConsulJsonDecodeTests
{
    [Theory]
    [InlineData("{\"Name\":\"x\",\"Bogus\":1}", "json: unknown field \"Bogus\"")]
    [InlineData("{\"Service\":\"x\"}", "json: unknown field \"Service\"")]
    [InlineData("{\"Name\":\"x\",\"WriteRequest\":{}}", "json: unknown field \"WriteRequest\"")]
    [InlineData("{\"Name\":\"x\",\"Check\":{\"ID\":\"c\",\"TTL\":\"10s\"}}", "json: unknown field \"ID\"")]
    [InlineData("{\"Name\":\"x\",\"Checks\":[{\"TTL\":\"10s\"},{\"Output\":\"\"}]}", "json: unknown field \"Output\"")]
    [InlineData("{\"Name\":\"x\",\"enable_tag_override_x\":true}", "json: unknown field \"enable_tag_override_x\"")]
    [InlineData("{\"B\u00f6gus\":1}", "json: unknown field \"B\u00f6gus\"")]
    [InlineData("{\"a\\nb\":1}", "json: unknown field \"a\\nb\"")]
    public void Decode_UnknownField_ThrowsGoMessage(string body, string expected)
    {
        Assert.Equal(expected, DecodeError<ServiceDefinition>(body));
    }

    [Theory]
    [InlineData("{\"Name\":1}", "json: cannot unmarshal number into Go struct field ServiceDefinition.Name of type string")]
    [InlineData("{\"Port\":\"80\"}", "json: cannot unmarshal string into Go struct field ServiceDefinition.Port of type int")]
    [InlineData("{\"Port\":1.5}", "json: cannot unmarshal number 1.5 into Go struct field ServiceDefinition.Port of type int")]
    [InlineData("{\"Port\":99999999999}", "json: cannot unmarshal number 99999999999 into Go struct field ServiceDefinition.Port of type int")]
    [InlineData("{\"Tags\":\"a\"}", "json: cannot unmarshal string into Go struct field ServiceDefinition.Tags of type []string")]
    [InlineData("{\"Tags\":[1]}", "json: cannot unmarshal number into Go struct field ServiceDefinition.Tags of type string")]
    [InlineData("{\"Meta\":[]}", "json: cannot unmarshal array into Go struct field ServiceDefinition.Meta of type map[string]string")]
    [InlineData("{\"EnableTagOverride\":\"yes\"}", "json: cannot unmarshal string into Go struct field ServiceDefinition.EnableTagOverride of type bool")]
    [InlineData("{\"Check\":[]}", "json: cannot unmarshal array into Go struct field ServiceDefinition.Check of type CheckType")]
    [InlineData("{\"Check\":{\"Header\":{\"X\":\"y\"}}}", "json: cannot unmarshal string into Go struct field CheckType.Check.Header.X of type []string")]
    [InlineData("{\"Weights\":{\"Passing\":true}}", "json: cannot unmarshal bool into Go struct field Weights.Weights.Passing of type int")]
    [InlineData("[]", "json: cannot unmarshal array into Go value of type ServiceDefinition")]
    [InlineData("\"web\"", "json: cannot unmarshal string into Go value of type ServiceDefinition")]
    [InlineData("80", "json: cannot unmarshal number into Go value of type ServiceDefinition")]
    public void Decode_WrongValueType_ThrowsGoMessage(string body, string expected)
    {
        Assert.Equal(expected, DecodeError<ServiceDefinition>(body));
    }

    [Theory]
    [InlineData("{\"Name\":\"x\",\"Check\":{\"TTL\":\"10\"}}", "time: missing unit in duration \"10\"")]
    [InlineData("{\"Check\":{\"Interval\":\"1d\"}}", "time: unknown unit \"d\" in duration \"1d\"")]
    [InlineData("{\"Check\":{\"DeregisterCriticalServiceAfter\":\"\"}}", "time: invalid duration \"\"")]
    [InlineData("{\"Checks\":[{\"TTL\":\"10s\"},{\"Timeout\":\"soon\"}]}", "time: invalid duration \"soon\"")]
    public void Decode_BadDuration_ThrowsTimeMessage(string body, string expected)
    {
        Assert.Equal(expected, DecodeError<ServiceDefinition>(body));
    }

    [Theory]
    [InlineData("{\"Check\":{\"TTL\":\"10\",\"Bogus\":1}}", "json: unknown field \"Bogus\"")]
    [InlineData("{\"Check\":{\"TTL\":\"10\",\"HTTP\":1}}", "json: cannot unmarshal number into Go struct field CheckType.Check.HTTP of type string")]
    [InlineData("{\"Check\":{\"TTL\":\"y\",\"Interval\":\"x\"}}", "time: invalid duration \"x\"")]
    public void Decode_SeveralErrorsInCheck_ReportsTheOneConsulReports(string body, string expected)
    {
        // Consul decodes the whole check before it parses durations, and parses Interval, Timeout, TTL, then
        // DeregisterCriticalServiceAfter: structural errors win, then the first duration in that order.
        Assert.Equal(expected, DecodeError<ServiceDefinition>(body));
    }

    [Theory]
    [InlineData("{\"NAME\":\"web\",\"iD\":\"web-1\",\"pOrT\":80}")]
    [InlineData("{\"name\":\"web\",\"id\":\"web-1\",\"port\":80}")]
    [InlineData("{\"Name\":\"web\",\"ID\":\"web-1\",\"Port\":80}")]
    public void Decode_KeysInAnyCase_BindLikeGo(string body)
    {
        var definition = Decode<ServiceDefinition>(body);
        Assert.Equal(("web", "web-1", 80), (definition.Name, definition.Id, definition.Port));
    }

    [Theory]
    [InlineData("{\"Name\":\"a\",\"name\":\"b\"}", "b")]
    [InlineData("{\"name\":\"a\",\"Name\":\"b\"}", "b")]
    [InlineData("{\"Name\":\"a\",\"Name\":null}", "a")]
    public void Decode_RepeatedKey_LastValueWinsAndNullKeepsValue(string body, string expected)
    {
        Assert.Equal(expected, Decode<ServiceDefinition>(body).Name);
    }

    [Fact]
    public void Decode_NullForEveryKind_MeansNotGiven()
    {
        var definition = Decode<ServiceDefinition>(
            "{\"Name\":null,\"Port\":null,\"EnableTagOverride\":null,\"Tags\":null,\"Meta\":null,\"Weights\":null,\"Check\":null,\"Checks\":null}");
        Assert.Equal(new ServiceDefinition(), definition);
    }

    [Fact]
    public void Decode_NullInsideCollections_BecomesGoZeroValue()
    {
        var definition = Decode<ServiceDefinition>("{\"Tags\":[\"a\",null],\"Meta\":{\"k\":null},\"Checks\":[null]}");
        Assert.Equal(["a", ""], definition.Tags);
        Assert.Equal("", definition.Meta!["k"]);
        Assert.Equal(new CheckType(), Assert.Single(definition.Checks!));
    }

    [Theory]
    [InlineData("\"10s\"", 10 * TimeSpan.TicksPerSecond)]
    [InlineData("\"1h30m\"", 90 * TimeSpan.TicksPerMinute)]
    [InlineData("\"0s\"", 0)]
    [InlineData("10000000000", 10 * TimeSpan.TicksPerSecond)]
    [InlineData("1.5e10", 15 * TimeSpan.TicksPerSecond)]
    [InlineData("10", 1)]
    public void Decode_DurationAsStringOrNanoseconds_ParsesLikeConsul(string json, long expectedTicks)
    {
        var check = Decode<ServiceDefinition>("{\"Check\":{\"TTL\":" + json + "}}").Check!;
        Assert.Equal(TimeSpan.FromTicks(expectedTicks), check.Ttl);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("{\"s\":1}")]
    [InlineData("[\"10s\"]")]
    [InlineData("null")]
    public void Decode_DurationOfOtherKind_IgnoredAsByConsul(string json)
    {
        Assert.Null(Decode<ServiceDefinition>("{\"Check\":{\"TTL\":" + json + "}}").Check!.Ttl);
    }

    [Fact]
    public void Decode_EmptyCheckObject_EqualsEmptyCheckType()
    {
        // Consul treats `"Check": {}` as "no check" (CheckType.Empty()); the agent compares with new CheckType().
        Assert.Equal(new CheckType(), Decode<ServiceDefinition>("{\"Name\":\"x\",\"Check\":{}}").Check);
    }

    private static T Decode<T>(string body) => ConsulJson.Decode<T>(Encoding.UTF8.GetBytes(body));

    private static string DecodeError<T>(string body) =>
        Assert.Throws<ConsulDecodeException>(() => ConsulJson.Decode<T>(Encoding.UTF8.GetBytes(body))).Message;
}
