using Roster.Protocol.Durations;

namespace Roster.Protocol.Tests.Durations;

/// <summary>Go's durationTests (src/time/time_test.go) and the forms Consul writes.</summary>
public sealed class GoDurationFormatTests
{
    public static TheoryData<string, long> GoFormatTable => new()
    {
        { "0s", 0 },
        { "1ns", 1 },
        { "1.1\u00b5s", 1_100 },
        { "2.2ms", 2_200_000 },
        { "3.3s", 3_300_000_000 },
        { "4m5s", 245_000_000_000 },
        { "4m5.001s", 245_001_000_000 },
        { "5h6m7.001s", 18_367_001_000_000 },
        { "8m0.000000001s", 480_000_000_001 },
        { "2562047h47m16.854775807s", long.MaxValue },
        { "-2562047h47m16.854775808s", long.MinValue },
    };

    [Theory]
    [MemberData(nameof(GoFormatTable))]
    public void FormatNanoseconds_GoTable_MatchesGo(string expected, long nanoseconds)
    {
        Assert.Equal(expected, GoDuration.FormatNanoseconds(nanoseconds));
        if (nanoseconds > 0)
        {
            Assert.Equal("-" + expected, GoDuration.FormatNanoseconds(-nanoseconds));
        }
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(1, "100ns")]
    [InlineData(10, "1\u00b5s")]
    [InlineData(15, "1.5\u00b5s")]
    [InlineData(5_000_000, "500ms")]
    [InlineData(15_000_000, "1.5s")]
    [InlineData(100_000_000, "10s")]
    [InlineData(600_000_000, "1m0s")]
    [InlineData(900_000_000, "1m30s")]
    [InlineData(54_000_000_000, "1h30m0s")]
    [InlineData(72_005_000_000, "2h0m0.5s")]
    [InlineData(-15_000_000, "-1.5s")]
    [InlineData(long.MaxValue, "256204778h48m5.4775807s")]
    [InlineData(long.MinValue, "-256204778h48m5.4775808s")]
    public void Format_TimeSpan_MatchesGoDurationString(long ticks, string expected)
    {
        Assert.Equal(expected, GoDuration.Format(TimeSpan.FromTicks(ticks)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(999)]
    [InlineData(1_000)]
    [InlineData(59_999)]
    [InlineData(3_600_000)]
    [InlineData(86_399_999)]
    [InlineData(int.MaxValue)]
    public void Parse_FormattedMilliseconds_RoundTrips(long milliseconds)
    {
        var value = TimeSpan.FromMilliseconds(milliseconds);
        Assert.Equal(value, GoDuration.Parse(GoDuration.Format(value)));
        Assert.Equal(-value, GoDuration.Parse(GoDuration.Format(-value)));
    }
}
