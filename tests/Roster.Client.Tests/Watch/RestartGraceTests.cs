using Microsoft.Extensions.Time.Testing;
using Roster.Client.Watch;
using Roster.Protocol.Catalog;
using Roster.Protocol.Health;

namespace Roster.Client.Tests.Watch;

/// <summary>An agent restarted empty (its index went backwards) must not empty the instance set before the services register again.</summary>
public sealed class RestartGraceTests : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(5);
    private static readonly CheckServiceNode A = Instance("a");
    private static readonly CheckServiceNode B = Instance("b");
    private static readonly CheckServiceNode C = Instance("c");

    private readonly FakeTimeProvider _time = new();
    private readonly RestartGrace _grace;
    private int _ended;

    public RestartGraceTests() => _grace = new RestartGrace(_time, () => _ended++, Period);

    public void Dispose() => _grace.Dispose();

    [Fact]
    public void Apply_IndexGoesUp_AnswerIsTakenAsItIs()
    {
        _grace.Apply(10, [A, B]);

        Assert.Equal([A], Ids(_grace.Apply(12, [A])));
    }

    [Fact]
    public void Apply_IndexWentBackwardsAndAnswerIsEmpty_KeepsTheInstancesFromBeforeTheRestart()
    {
        _grace.Apply(10, [A, B]);

        Assert.Equal([A, B], Ids(_grace.Apply(3, [])));
    }

    [Fact]
    public void Apply_FetchFailedBeforeAnAnswerWithAHigherIndex_KeepsTheInstancesFromBefore()
    {
        _grace.Apply(10, [A, B]);

        Assert.Equal([B, A], Ids(_grace.Apply(14, [B], afterFailure: true)));
    }

    [Fact]
    public void Apply_ServicesRegisterAgainDuringTheGrace_NewOnesJoinAndNoneIsDuplicated()
    {
        _grace.Apply(10, [A, B]);
        _grace.Apply(3, []);

        Assert.Equal([B, C, A], Ids(_grace.Apply(5, [B, C])));
    }

    [Fact]
    public void Grace_PeriodEnds_NewestAnswerAloneCountsAndTheOwnerIsTold()
    {
        _grace.Apply(10, [A, B]);
        _grace.Apply(3, []);
        _grace.Apply(5, [B]);

        _time.Advance(Period - TimeSpan.FromMilliseconds(1));
        var during = Ids(_grace.Current);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal([B, A], during);
        Assert.Equal(1, _ended);
        Assert.Equal([B], Ids(_grace.Current));
        Assert.Equal([B], Ids(_grace.Apply(6, [B])));
    }

    [Fact]
    public void Apply_SecondRestartDuringTheGrace_KeepsEverythingHeldAndRestartsThePeriod()
    {
        _grace.Apply(10, [A]);
        _grace.Apply(3, []);
        _grace.Apply(4, [B]);
        _time.Advance(Period / 2);

        _grace.Apply(2, []);
        _time.Advance(Period / 2);

        Assert.Equal([B, A], Ids(_grace.Current));
        Assert.Equal(0, _ended);
        _time.Advance(Period / 2);
        Assert.Equal(1, _ended);
        Assert.Empty(_grace.Current);
    }

    private static CheckServiceNode Instance(string id) =>
        new() { Node = new Node { Name = "n1", Address = "127.0.0.1" }, Service = new NodeService { Id = id, Service = "data", Port = 1 } };

    private static List<CheckServiceNode> Ids(IReadOnlyList<CheckServiceNode> instances) => [.. instances];
}
