using Roster.Agent.Checks;
using Roster.Protocol.Health;
using static Roster.Agent.Tests.Catalog.CatalogFixtures;

namespace Roster.Agent.Tests.Checks;

public sealed class TtlChecksTests
{
    [Fact]
    public void Report_Pass_SetsPassingWithTheNoteAsOutput()
    {
        var (store, _, time) = NewStore();
        using var ttl = new TtlChecks(store, time);
        store.RegisterService(Instance("web-1", "web"), [TtlCheck("c")], false);

        Assert.Equal(TtlReport.Recorded, ttl.Report("c", CheckStatus.Passing, "ok"));

        Assert.Equal((CheckStatus.Passing, "ok"), (store.Current.Checks["c"].Status, store.Current.Checks["c"].Output));
    }

    [Fact]
    public void Report_NoFurtherReportWithinTheTtl_TurnsCriticalWithConsulsOutput()
    {
        var (store, _, time) = NewStore();
        using var ttl = new TtlChecks(store, time);
        store.RegisterService(Instance("web-1", "web"), [TtlCheck("c", TimeSpan.FromSeconds(10))], false);
        ttl.Report("c", CheckStatus.Passing, "last words");

        time.Advance(TimeSpan.FromSeconds(9.9));
        Assert.Equal(CheckStatus.Passing, store.Current.Checks["c"].Status);
        time.Advance(TimeSpan.FromSeconds(0.2));

        Assert.Equal(CheckStatus.Critical, store.Current.Checks["c"].Status);
        Assert.Equal("TTL expired (last output before timeout follows): last words", store.Current.Checks["c"].Output);
    }

    [Fact]
    public void Report_EachPass_RestartsTheTimer()
    {
        var (store, _, time) = NewStore();
        using var ttl = new TtlChecks(store, time);
        store.RegisterService(Instance("web-1", "web"), [TtlCheck("c", TimeSpan.FromSeconds(10))], false);

        for (var i = 0; i < 5; i++)
        {
            ttl.Report("c", CheckStatus.Passing, "");
            time.Advance(TimeSpan.FromSeconds(8));
        }

        Assert.Equal(CheckStatus.Passing, store.Current.Checks["c"].Status);
    }

    [Fact]
    public void Track_NewTtlCheck_ExpiresWithPlainOutputWhenNeverPassed()
    {
        var (store, _, time) = NewStore();
        using var ttl = new TtlChecks(store, time);
        store.RegisterService(Instance("web-1", "web"), [TtlCheck("c", TimeSpan.FromSeconds(10)) with { Status = CheckStatus.Passing }], false);
        ttl.Track(store.Current.Checks["c"]);

        time.Advance(TimeSpan.FromSeconds(11));

        Assert.Equal((CheckStatus.Critical, "TTL expired"), (store.Current.Checks["c"].Status, store.Current.Checks["c"].Output));
    }

    [Fact]
    public void Report_UnknownOrNonTtlCheck_SaysWhich()
    {
        var (store, _, time) = NewStore();
        using var ttl = new TtlChecks(store, time);
        store.RegisterService(Instance("web-1", "web"), [TtlCheck("c") with { Spec = new CheckSpec { Http = "http://127.0.0.1:1/", Interval = TimeSpan.FromSeconds(1) } }], false);

        Assert.Equal(TtlReport.NotFound, ttl.Report("nope", CheckStatus.Passing, ""));
        Assert.Equal(TtlReport.NotTtl, ttl.Report("c", CheckStatus.Passing, ""));
    }
}
