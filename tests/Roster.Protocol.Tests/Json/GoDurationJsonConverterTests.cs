using System.Text.Json;
using Roster.Protocol.Json;

namespace Roster.Protocol.Tests.Json;

public sealed class GoDurationJsonConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new GoDurationJsonConverter() } };

    [Theory]
    [InlineData("\"10s\"", 10 * TimeSpan.TicksPerSecond)]
    [InlineData("\"1m0s\"", TimeSpan.TicksPerMinute)]
    [InlineData("\"1.5h\"", 90 * TimeSpan.TicksPerMinute)]
    [InlineData("\"0\"", 0)]
    [InlineData("10000000000", 10 * TimeSpan.TicksPerSecond)]
    [InlineData("1.5e10", 15 * TimeSpan.TicksPerSecond)]
    [InlineData("10", 1)]
    [InlineData("-250", -3)]
    public void Read_StringOrNanosecondNumber_ReturnsTimeSpan(string json, long expectedTicks)
    {
        Assert.Equal(TimeSpan.FromTicks(expectedTicks), JsonSerializer.Deserialize<TimeSpan>(json, Options));
        Assert.Equal(TimeSpan.FromTicks(expectedTicks), JsonSerializer.Deserialize<TimeSpan?>(json, Options));
    }

    [Fact]
    public void Read_NullIntoNullable_ReturnsNull()
    {
        Assert.Null(JsonSerializer.Deserialize<TimeSpan?>("null", Options));
    }

    [Fact]
    public void Read_NullIntoTimeSpan_ReturnsZeroAsGoLeavesTheField()
    {
        Assert.Equal(TimeSpan.Zero, JsonSerializer.Deserialize<TimeSpan>("null", Options));
    }

    [Theory]
    [InlineData("\"10\"", "time: missing unit in duration \"10\"")]
    [InlineData("\"1d\"", "time: unknown unit \"d\" in duration \"1d\"")]
    [InlineData("\"\"", "time: invalid duration \"\"")]
    [InlineData("true", "json: cannot unmarshal True into Go value of type time.Duration")]
    public void Read_Invalid_ThrowsJsonExceptionWithGoMessage(string json, string expected)
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TimeSpan>(json, Options));
        Assert.Equal(expected, exception.Message);
    }

    [Theory]
    [InlineData(0, "\"0s\"")]
    [InlineData(10 * TimeSpan.TicksPerSecond, "\"10s\"")]
    [InlineData(TimeSpan.TicksPerMinute, "\"1m0s\"")]
    [InlineData(5 * TimeSpan.TicksPerMillisecond, "\"5ms\"")]
    [InlineData(10, "\"1\u00b5s\"")]
    public void Write_TimeSpan_WritesGoString(long ticks, string expected)
    {
        Assert.Equal(expected, JsonSerializer.Serialize(TimeSpan.FromTicks(ticks), ConsulJson.ResponseOptions));
        Assert.Equal(expected, JsonSerializer.Serialize<TimeSpan?>(TimeSpan.FromTicks(ticks), ConsulJson.ResponseOptions));
    }

    [Fact]
    public void Write_NullNullable_WritesNull()
    {
        Assert.Equal("null", JsonSerializer.Serialize<TimeSpan?>(null, Options));
    }
}
