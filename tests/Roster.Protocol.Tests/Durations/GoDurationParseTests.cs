using Roster.Protocol.Durations;

namespace Roster.Protocol.Tests.Durations;

/// <summary>Go's parseDurationTests and parseDurationErrorTests (src/time/time_test.go), in nanoseconds.</summary>
public sealed class GoDurationParseTests
{
    public static TheoryData<string, long> GoParseTable => new()
    {
        // simple
        { "0", 0 },
        { "5s", 5_000_000_000 },
        { "30s", 30_000_000_000 },
        { "1478s", 1_478_000_000_000 },

        // sign
        { "-5s", -5_000_000_000 },
        { "+5s", 5_000_000_000 },
        { "-0", 0 },
        { "+0", 0 },

        // decimal
        { "5.0s", 5_000_000_000 },
        { "5.6s", 5_600_000_000 },
        { "5.s", 5_000_000_000 },
        { ".5s", 500_000_000 },
        { "1.0s", 1_000_000_000 },
        { "1.00s", 1_000_000_000 },
        { "1.004s", 1_004_000_000 },
        { "1.0040s", 1_004_000_000 },
        { "100.00100s", 100_001_000_000 },

        // different units
        { "10ns", 10 },
        { "11us", 11_000 },
        { "12\u00b5s", 12_000 },
        { "12\u03bcs", 12_000 },
        { "13ms", 13_000_000 },
        { "14s", 14_000_000_000 },
        { "15m", 900_000_000_000 },
        { "16h", 57_600_000_000_000 },

        // composite durations
        { "3h30m", 12_600_000_000_000 },
        { "10.5s4m", 250_500_000_000 },
        { "-2m3.4s", -123_400_000_000 },
        { "1h2m3s4ms5us6ns", 3_723_004_005_006 },
        { "39h9m14.425s", 140_954_425_000_000 },

        // large value
        { "52763797000ns", 52_763_797_000 },

        // more than 9 digits after decimal point, golang.org/issue/6617
        { "0.3333333333333333333h", 1_200_000_000_000 },

        // 1<<53+1 cannot be stored precisely in a float64
        { "9007199254740993ns", 9_007_199_254_740_993 },

        // largest and smallest int64 nanoseconds
        { "9223372036854775807ns", long.MaxValue },
        { "9223372036854775.807us", long.MaxValue },
        { "9223372036s854ms775us807ns", long.MaxValue },
        { "-9223372036854775808ns", long.MinValue },
        { "-9223372036854775.808us", long.MinValue },
        { "-9223372036s854ms775us808ns", long.MinValue },

        // largest negative round trip value, golang.org/issue/48629
        { "-2562047h47m16.854775808s", long.MinValue },

        // huge string, issue 15011
        { "0.100000000000000000000h", 360_000_000_000 },

        // the first overflow check in leadingFraction
        { "0.830103483285477580700h", 2_988_372_539_827 },
    };

    public static TheoryData<string, string> GoErrorTable => new()
    {
        { "", "time: invalid duration \"\"" },
        { "3", "time: missing unit in duration \"3\"" },
        { "10", "time: missing unit in duration \"10\"" },
        { "-", "time: invalid duration \"-\"" },
        { "s", "time: invalid duration \"s\"" },
        { ".", "time: invalid duration \".\"" },
        { "-.", "time: invalid duration \"-.\"" },
        { ".s", "time: invalid duration \".s\"" },
        { "+.s", "time: invalid duration \"+.s\"" },
        { "1d", "time: unknown unit \"d\" in duration \"1d\"" },
        { "1.5sec", "time: unknown unit \"sec\" in duration \"1.5sec\"" },
        { "10 s", "time: unknown unit \" s\" in duration \"10 s\"" },
        { "3\u00b5", "time: unknown unit \"\\xc2\\xb5\" in duration \"3\\xc2\\xb5\"" },
        { "\ufffd", "time: invalid duration \"\\xef\\xbf\\xbd\"" },
        { "\ufffd hello \ufffd world", "time: invalid duration \"\\xef\\xbf\\xbd hello \\xef\\xbf\\xbd world\"" },
        { "\"1s\"", "time: invalid duration \"\\\"1s\\\"\"" },

        // overflow
        { "9223372036854775810ns", "time: invalid duration \"9223372036854775810ns\"" },
        { "9223372036854775808ns", "time: invalid duration \"9223372036854775808ns\"" },
        { "-9223372036854775809ns", "time: invalid duration \"-9223372036854775809ns\"" },
        { "9223372036854776us", "time: invalid duration \"9223372036854776us\"" },
        { "3000000h", "time: invalid duration \"3000000h\"" },
        { "9223372036854775.808us", "time: invalid duration \"9223372036854775.808us\"" },
        { "9223372036854ms775us808ns", "time: invalid duration \"9223372036854ms775us808ns\"" },
    };

    [Theory]
    [MemberData(nameof(GoParseTable))]
    public void TryParseNanoseconds_GoTable_MatchesGo(string text, long expected)
    {
        Assert.True(GoDuration.TryParseNanoseconds(text, out var nanoseconds, out var error), error);
        Assert.Equal(expected, nanoseconds);
    }

    [Theory]
    [MemberData(nameof(GoErrorTable))]
    public void TryParseNanoseconds_GoErrorTable_FailsWithGoMessage(string text, string expected)
    {
        Assert.False(GoDuration.TryParseNanoseconds(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [MemberData(nameof(GoErrorTable))]
    public void Parse_GoErrorTable_ThrowsFormatExceptionWithGoMessage(string text, string expected)
    {
        var exception = Assert.Throws<FormatException>(() => GoDuration.Parse(text));
        Assert.Equal(expected, exception.Message);
        Assert.False(GoDuration.TryParse(text, out _));
    }

    [Theory]
    [InlineData("10s", 10 * TimeSpan.TicksPerSecond)]
    [InlineData("1m", TimeSpan.TicksPerMinute)]
    [InlineData("500ms", 500 * TimeSpan.TicksPerMillisecond)]
    [InlineData("1h30m", 90 * TimeSpan.TicksPerMinute)]
    [InlineData("60000ms", TimeSpan.TicksPerMinute)]
    [InlineData("1.5h", 90 * TimeSpan.TicksPerMinute)]
    [InlineData("-1.5s", -15 * TimeSpan.TicksPerSecond / 10)]
    [InlineData("1us", 10)]
    [InlineData("0", 0)]
    public void TryParse_ConsulValues_ReturnsTimeSpan(string text, long expectedTicks)
    {
        Assert.True(GoDuration.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromTicks(expectedTicks), value);
        Assert.Equal(value, GoDuration.Parse(text));
    }

    [Theory]
    [InlineData("1ns", 1)]
    [InlineData("10ns", 1)]
    [InlineData("99ns", 1)]
    [InlineData("100ns", 1)]
    [InlineData("101ns", 2)]
    [InlineData("150ns", 2)]
    [InlineData("-1ns", -1)]
    [InlineData("-150ns", -2)]
    [InlineData("0.5ns", 0)]
    public void TryParse_SubTickValue_RoundsAwayFromZeroToWholeTicks(string text, long expectedTicks)
    {
        Assert.True(GoDuration.TryParse(text, out var value));
        Assert.Equal(expectedTicks, value.Ticks);
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        Assert.False(GoDuration.TryParse(null, out var value));
        Assert.Equal(TimeSpan.Zero, value);
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    [InlineData(1_234_567_000_000)]
    [InlineData(-86_400_000_000_000)]
    public void TryParseNanoseconds_FormattedValue_RoundTrips(long nanoseconds)
    {
        Assert.True(GoDuration.TryParseNanoseconds(GoDuration.FormatNanoseconds(nanoseconds), out var parsed, out _));
        Assert.Equal(nanoseconds, parsed);
    }
}
