using System.Text;
using Roster.Protocol.Agent;
using Roster.Protocol.Json;

namespace Roster.Protocol.Tests.Json;

/// <summary>Malformed bodies fail with the texts of Go's json.Decoder (encoding/json scanner.go).</summary>
public sealed class ConsulJsonSyntaxTests
{
    [Theory]
    [InlineData("", "EOF")]
    [InlineData("  \r\n\t", "EOF")]
    [InlineData("{", "unexpected EOF")]
    [InlineData("{\"Name\":\"x\"", "unexpected EOF")]
    [InlineData("{\"Name\":\"x", "unexpected EOF")]
    [InlineData("nul", "unexpected EOF")]
    [InlineData("-", "unexpected EOF")]
    [InlineData("x", "invalid character 'x' looking for beginning of value")]
    [InlineData("{\"Name\":x}", "invalid character 'x' looking for beginning of value")]
    [InlineData("{Name:\"x\"}", "invalid character 'N' looking for beginning of object key string")]
    [InlineData("{\"Name\":\"x\",}", "invalid character '}' looking for beginning of object key string")]
    [InlineData("{\"Name\" \"x\"}", "invalid character '\"' after object key")]
    [InlineData("{\"Name\":\"x\" \"Port\":1}", "invalid character '\"' after object key:value pair")]
    [InlineData("{\"Tags\":[\"a\" \"b\"]}", "invalid character '\"' after array element")]
    [InlineData("{\"Tags\":[\"a\",]}", "invalid character ']' looking for beginning of value")]
    [InlineData("{'Name':'x'}", "invalid character '\\'' looking for beginning of object key string")]
    [InlineData("{\"Name\":tru}", "invalid character '}' in literal true (expecting 'e')")]
    [InlineData("{\"Name\":fals}", "invalid character '}' in literal false (expecting 'e')")]
    [InlineData("{\"Name\":nil}", "invalid character 'i' in literal null (expecting 'u')")]
    [InlineData("{\"Name\":\"a\\qb\"}", "invalid character 'q' in string escape code")]
    [InlineData("{\"Name\":\"\\u12g4\"}", "invalid character 'g' in \\u hexadecimal character escape")]
    [InlineData("{\"Port\":-}", "invalid character '}' in numeric literal")]
    [InlineData("{\"Port\":1.}", "invalid character '}' after decimal point in numeric literal")]
    [InlineData("{\"Port\":1e}", "invalid character '}' in exponent of numeric literal")]
    [InlineData("{\"Port\":01}", "invalid character '1' after object key:value pair")]
    [InlineData("{\"Name\":\"a\nb\"}", "invalid character '\\n' in string literal")]
    [InlineData("{\"Name\":\"a\u0001b\"}", "invalid character '\\x01' in string literal")]
    public void Decode_MalformedBody_ThrowsGoSyntaxMessage(string body, string expected)
    {
        var exception = Assert.Throws<ConsulDecodeException>(() => ConsulJson.Decode<ServiceDefinition>(Encoding.UTF8.GetBytes(body)));
        Assert.Equal(expected, exception.Message);
    }

    [Fact]
    public void Decode_NullArray_ThrowsEof()
    {
        byte[]? body = null;
        var exception = Assert.Throws<ConsulDecodeException>(() => ConsulJson.Decode<ServiceDefinition>(body));
        Assert.Equal("EOF", exception.Message);
    }

    [Fact]
    public void Decode_NestingBeyondGoLimit_ThrowsExceededMaxDepth()
    {
        var body = "{\"Tags\":" + new string('[', 10_001);
        var exception = Assert.Throws<ConsulDecodeException>(() => ConsulJson.Decode<ServiceDefinition>(Encoding.UTF8.GetBytes(body)));
        Assert.Equal("invalid character '[' exceeded max depth", exception.Message);
    }

    [Theory]
    [InlineData("{\"Name\":\"web\"}garbage")]
    [InlineData("{\"Name\":\"web\"}}")]
    [InlineData("{\"Name\":\"web\"} {\"Name\":\"other\"}")]
    [InlineData("  {\"Name\":\"web\"}\n")]
    public void Decode_BytesAfterFirstValue_IgnoredAsByGoDecoder(string body)
    {
        Assert.Equal("web", ConsulJson.Decode<ServiceDefinition>(Encoding.UTF8.GetBytes(body)).Name);
    }

    [Theory]
    [InlineData("null")]
    [InlineData(" null ")]
    public void Decode_NullBody_ReturnsEmptyRecordAsGoLeavesTheTarget(string body)
    {
        Assert.Equal(new ServiceDefinition(), ConsulJson.Decode<ServiceDefinition>(Encoding.UTF8.GetBytes(body)));
    }
}
