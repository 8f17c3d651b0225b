using Roster.Client.Watch;

namespace Roster.Client.Tests.Watch;

public sealed class RetryBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(1);

    [Theory]
    [InlineData(0, 250)]
    [InlineData(1, 500)]
    [InlineData(2, 1_000)]
    [InlineData(7, 32_000)]
    [InlineData(8, 60_000)]
    [InlineData(1_000, 60_000)]
    [InlineData(int.MaxValue, 60_000)]
    public void Delay_NoJitter_DoublesFromBaseUpToMax(int failures, int expectedMilliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), RetryBackoff.Delay(failures, Base, Max, random: 0));

    [Fact]
    public void Delay_FullJitter_ShortensByAtMostAFifth() =>
        Assert.InRange(RetryBackoff.Delay(8, Base, Max, random: 0.999999), TimeSpan.FromSeconds(48), Max);
}
