using Roster.Agent.Catalog;
using Roster.Protocol.Health;
using static Roster.Agent.Tests.Catalog.CatalogFixtures;

namespace Roster.Agent.Tests.Catalog;

public sealed class CatalogStoreTests
{
    [Fact]
    public void RegisterService_New_IsListedUnderItsNameWithItsCheck()
    {
        var (store, _, _) = NewStore();

        store.RegisterService(Instance("web-1", "web", "a"), [TtlCheck("service:web-1")], replaceExistingChecks: false);

        var snapshot = store.Current;
        Assert.Equal("web-1", Assert.Single(snapshot.InstancesOf("web")).Id);
        var check = Assert.Single(snapshot.ChecksOf("web-1"));
        Assert.Equal(("web-1", "web", CheckStatus.Critical), (check.ServiceId, check.ServiceName, check.Status));
    }

    [Fact]
    public void RegisterService_Again_KeepsTheChecksStatusAndCreateIndex()
    {
        var (store, _, _) = NewStore();
        store.RegisterService(Instance("web-1", "web"), [TtlCheck("service:web-1")], false);
        store.UpdateCheck("service:web-1", CheckStatus.Passing, "ok");
        var first = store.Current.Services["web-1"];

        store.RegisterService(Instance("web-1", "web", "new-tag"), [TtlCheck("service:web-1")], false);

        var again = store.Current.Services["web-1"];
        Assert.Equal(first.CreateIndex, again.CreateIndex);
        Assert.True(again.ModifyIndex > first.ModifyIndex);
        Assert.Equal((CheckStatus.Passing, "ok"), (store.Current.Checks["service:web-1"].Status, store.Current.Checks["service:web-1"].Output));
    }

    [Fact]
    public void RegisterService_ReplaceExistingChecks_DropsChecksNotInTheNewDefinition()
    {
        var (store, _, _) = NewStore();
        store.RegisterService(Instance("web-1", "web"), [TtlCheck("a"), TtlCheck("b")], false);

        store.RegisterService(Instance("web-1", "web"), [TtlCheck("a")], replaceExistingChecks: true);

        Assert.Equal(["a"], store.Current.ChecksOf("web-1").Select(c => c.Id));
    }

    [Fact]
    public void UpdateCheck_SameStatusAndOutput_WritesNothingAndWakesNobody()
    {
        var (store, hub, _) = NewStore();
        store.RegisterService(Instance("web-1", "web"), [TtlCheck("service:web-1")], false);
        store.UpdateCheck("service:web-1", CheckStatus.Passing, "");
        var index = store.Current.ServiceIndex("web");
        var watcher = hub.NextChange(CatalogTopics.Service("web"));

        Assert.Equal(CheckUpdateOutcome.Unchanged, store.UpdateCheck("service:web-1", CheckStatus.Passing, ""));

        Assert.Equal(index, store.Current.ServiceIndex("web"));
        Assert.False(watcher.IsCompleted);
    }

    [Fact]
    public void UpdateCheck_StatusChange_MovesOnlyThatServicesIndex()
    {
        var (store, hub, _) = NewStore();
        store.RegisterService(Instance("web-1", "web"), [TtlCheck("service:web-1")], false);
        store.RegisterService(Instance("db-1", "db"), [TtlCheck("service:db-1")], false);
        var (web, db) = (store.Current.ServiceIndex("web"), store.Current.ServiceIndex("db"));
        var dbWatcher = hub.NextChange(CatalogTopics.Service("db"));
        var webWatcher = hub.NextChange(CatalogTopics.Service("web"));

        Assert.Equal(CheckUpdateOutcome.Updated, store.UpdateCheck("service:web-1", CheckStatus.Passing, ""));

        Assert.True(store.Current.ServiceIndex("web") > web);
        Assert.Equal(db, store.Current.ServiceIndex("db"));
        Assert.True(webWatcher.IsCompleted);
        Assert.False(dbWatcher.IsCompleted);
    }

    [Fact]
    public void UpdateCheck_TurnsCritical_RecordsSinceWhenAndKeepsItWhileCritical()
    {
        var (store, _, time) = NewStore();
        store.RegisterService(Instance("web-1", "web"), [TtlCheck("c") with { Status = CheckStatus.Passing }], false);
        var turned = time.GetUtcNow();

        store.UpdateCheck("c", CheckStatus.Critical, "down");
        time.Advance(TimeSpan.FromSeconds(5));
        store.UpdateCheck("c", CheckStatus.Critical, "still down");

        Assert.Equal(turned, store.Current.Checks["c"].CriticalSince);
        store.UpdateCheck("c", CheckStatus.Passing, "");
        Assert.Null(store.Current.Checks["c"].CriticalSince);
    }

    [Fact]
    public void DeregisterService_RemovesItsChecksAndMovesItsIndex()
    {
        var (store, _, _) = NewStore();
        store.RegisterService(Instance("web-1", "web"), [TtlCheck("service:web-1")], false);
        var index = store.Current.ServiceIndex("web");

        Assert.True(store.DeregisterService("web-1"));

        Assert.Empty(store.Current.InstancesOf("web"));
        Assert.Empty(store.Current.Checks);
        Assert.True(store.Current.ServiceIndex("web") > index);
        Assert.False(store.DeregisterService("web-1"));
    }

    [Fact]
    public void ServicesIndex_MovesWhenNamesOrTagsChangeNotOnStatusChanges()
    {
        var (store, _, _) = NewStore();
        store.RegisterService(Instance("web-1", "web", "a"), [TtlCheck("c")], false);
        var index = store.Current.ServicesIndex;

        store.UpdateCheck("c", CheckStatus.Passing, "");
        store.RegisterService(Instance("web-1", "web", "a"), [TtlCheck("c")], false);
        Assert.Equal(index, store.Current.ServicesIndex);

        store.RegisterService(Instance("web-2", "web", "b"), [], false);
        Assert.True(store.Current.ServicesIndex > index);
        Assert.Equal(["a", "b"], store.Current.TagsOf("web"));
    }

    [Fact]
    public void ServiceIndex_UnknownService_IsAtLeastOne() => Assert.True(NewStore().Store.Current.ServiceIndex("nope") >= 1);
}
