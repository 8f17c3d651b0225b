using Microsoft.Extensions.Time.Testing;
using Roster.Templating.Functions;

namespace Roster.Templating.Tests.Functions;

public class TimeFunctionsTests
{
    // 2009-11-10 23:04:05.012 UTC, a Tuesday, day 314 of the year.
    private static readonly DateTimeOffset Instant = new DateTimeOffset(2009, 11, 10, 23, 4, 5, TimeSpan.Zero).AddTicks(120_000);

    [Theory]
    [InlineData("2006-01-02", "2009-11-10")]
    [InlineData("2006-01-02T15:04:05Z07:00", "2009-11-10T23:04:05Z")]
    [InlineData("Mon Jan _2 15:04:05 MST 2006", "Tue Nov 10 23:04:05 UTC 2009")]
    [InlineData("Monday, January 2 3:4:5 PM", "Tuesday, November 10 11:4:5 PM")]
    [InlineData("03pm 06 002 __2", "11pm 09 314 314")]
    [InlineData("15:04:05.000", "23:04:05.012")]
    [InlineData("15:04:05,000000", "23:04:05,012000")]
    [InlineData("05.999", "05.012")]
    [InlineData("-0700 -07:00 -07 Z0700", "+0000 +00:00 +00 Z")]
    [InlineData("Janet Monkey _2006", "Janet Monkey _2009")]
    [InlineData("unix", "1257894245")]
    public void Timestamp_Layout_FormatsReferenceTime(string layout, string expected) =>
        Assert.Equal(expected, Clock(Instant).Timestamp(layout));

    [Fact]
    public void Timestamp_NoArguments_IsRfc3339Utc()
    {
        // template_test.go helper_timestamp: the epoch.
        Assert.Equal("1970-01-01T00:00:00Z", Clock(DateTimeOffset.UnixEpoch).Timestamp());
        Assert.Equal("1970-01-01", Clock(DateTimeOffset.UnixEpoch).Timestamp("2006-01-02"));
        Assert.Equal("05", Clock(Instant.AddTicks(-120_000)).Timestamp("05.999"));
    }

    [Fact]
    public void Timestamp_TwoArguments_Throws() =>
        Assert.Equal("timestamp: wrong number of arguments, expected 0 or 1, but got 2",
            Assert.Throws<InvalidOperationException>(() => Clock(Instant).Timestamp("a", "b")).Message);

    private static TimeFunctions Clock(DateTimeOffset now) => new(new FakeTimeProvider(now));
}
