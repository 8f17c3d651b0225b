using Microsoft.Extensions.Logging.Abstractions;
using Roster.Agent.Checks;
using Roster.Agent.Hosting;
using Roster.Protocol.Health;
using static Roster.Agent.Tests.Catalog.CatalogFixtures;

namespace Roster.Agent.Tests.Checks;

public sealed class CriticalServiceReaperTests
{
    [Fact]
    public void ReapOnce_CriticalLongerThanItsLimit_DeregistersTheService()
    {
        var (store, _, time) = NewStore();
        var reaper = new CriticalServiceReaper(store, time, new AgentOptions(), NullLogger<CriticalServiceReaper>.Instance);
        store.RegisterService(Instance("web-1", "web"), [TtlCheck("c", deregisterAfter: TimeSpan.FromMinutes(2))], false);

        time.Advance(TimeSpan.FromMinutes(1.9));
        Assert.Empty(reaper.ReapOnce());
        time.Advance(TimeSpan.FromMinutes(0.2));

        Assert.Equal(["web-1"], reaper.ReapOnce());
        Assert.Empty(store.Current.Services);
    }

    [Fact]
    public void ReapOnce_LimitBelowOneMinute_IsRaisedToOneMinuteAsConsulDoes()
    {
        var (store, _, time) = NewStore();
        var reaper = new CriticalServiceReaper(store, time, new AgentOptions(), NullLogger<CriticalServiceReaper>.Instance);
        store.RegisterService(Instance("web-1", "web"), [TtlCheck("c", deregisterAfter: TimeSpan.FromSeconds(10))], false);

        time.Advance(TimeSpan.FromSeconds(50));
        Assert.Empty(reaper.ReapOnce());
        time.Advance(TimeSpan.FromSeconds(11));

        Assert.Equal(["web-1"], reaper.ReapOnce());
    }

    [Fact]
    public void ReapOnce_CheckRecoveredInTime_KeepsTheService()
    {
        var (store, _, time) = NewStore();
        var reaper = new CriticalServiceReaper(store, time, new AgentOptions(), NullLogger<CriticalServiceReaper>.Instance);
        store.RegisterService(Instance("web-1", "web"), [TtlCheck("c", deregisterAfter: TimeSpan.FromMinutes(1))], false);

        time.Advance(TimeSpan.FromSeconds(50));
        store.UpdateCheck("c", CheckStatus.Passing, "");
        time.Advance(TimeSpan.FromSeconds(50));
        store.UpdateCheck("c", CheckStatus.Critical, "again");
        time.Advance(TimeSpan.FromSeconds(50));

        Assert.Empty(reaper.ReapOnce());
        Assert.Single(store.Current.Services);
    }

    [Fact]
    public void ReapOnce_NoLimitSet_NeverReaps()
    {
        var (store, _, time) = NewStore();
        var reaper = new CriticalServiceReaper(store, time, new AgentOptions(), NullLogger<CriticalServiceReaper>.Instance);
        store.RegisterService(Instance("web-1", "web"), [TtlCheck("c")], false);

        time.Advance(TimeSpan.FromHours(1));

        Assert.Empty(reaper.ReapOnce());
    }
}
