using Microsoft.Extensions.Time.Testing;
using Roster.Agent.Blocking;

namespace Roster.Agent.Tests.Blocking;

public sealed class BlockingWaitTests
{
    private const string Topic = "service:web";
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new();
    private readonly WatchHub _hub = new();
    private readonly BlockingWait _wait;
    private ulong _index = 10;

    public BlockingWaitTests() => _wait = new BlockingWait(_hub, _time, new BlockingOptions());

    [Fact]
    public async Task WaitForChange_IndexZero_ReturnsAtOnce()
    {
        var wait = Wait(minIndex: 0, TimeSpan.FromMinutes(1));

        await wait.WaitAsync(Guard);
    }

    [Fact]
    public async Task WaitForChange_ClientBehindCurrentIndex_ReturnsAtOnce()
    {
        var wait = Wait(minIndex: 9, TimeSpan.FromMinutes(1));

        await wait.WaitAsync(Guard);
    }

    [Fact]
    public async Task WaitForChange_WriteMovesTheIndex_ReturnsBeforeTheWaitEnds()
    {
        var wait = Wait(minIndex: 10, TimeSpan.FromMinutes(1));
        Assert.False(wait.IsCompleted);

        _index = 11;
        _hub.Notify(Topic);

        await wait.WaitAsync(Guard);
    }

    [Fact]
    public async Task WaitForChange_NotifiedButIndexUnchanged_KeepsBlocking()
    {
        var wait = Wait(minIndex: 10, TimeSpan.FromMinutes(1));

        _hub.Notify(Topic);
        _hub.Notify("service:other");
        _time.Advance(TimeSpan.FromSeconds(59));

        Assert.False(wait.IsCompleted);
        _index = 12;
        _hub.Notify(Topic);
        await wait.WaitAsync(Guard);
    }

    [Fact]
    public async Task WaitForChange_NothingChanges_ReturnsOnceTheWaitAndItsJitterHavePassed()
    {
        var wait = Wait(minIndex: 10, TimeSpan.FromSeconds(16));

        _time.Advance(TimeSpan.FromSeconds(15.9));
        Assert.False(wait.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1.2));

        await wait.WaitAsync(Guard);
    }

    [Theory]
    [InlineData(null, 300)]
    [InlineData(0, 300)]
    [InlineData(30, 30)]
    [InlineData(3600, 600)]
    public void Effective_AppliesConsulsDefaultAndCapPlusAtMostOneSixteenthJitter(int? askedSeconds, int expectedSeconds)
    {
        var effective = _wait.Effective(askedSeconds is { } s ? TimeSpan.FromSeconds(s) : null);

        Assert.InRange(effective, TimeSpan.FromSeconds(expectedSeconds), TimeSpan.FromSeconds(expectedSeconds * 17 / 16.0));
    }

    private Task Wait(ulong minIndex, TimeSpan wait) =>
        _wait.WaitForChangeAsync(Topic, minIndex, wait, () => _index, CancellationToken.None);
}
