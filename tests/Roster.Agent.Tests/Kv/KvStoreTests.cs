using System.Text;
using Roster.Agent.Blocking;
using Roster.Agent.Kv;

namespace Roster.Agent.Tests.Kv;

public sealed class KvStoreTests
{
    private readonly WatchHub _hub = new();
    private readonly KvStore _kv;

    public KvStoreTests() => _kv = new KvStore(new IndexCounter(), _hub);

    [Fact]
    public void Put_NewKey_CreateIndexEqualsModifyIndexAndBothAboveOne()
    {
        _kv.Put("a/b", Bytes("hello"), flags: 0, cas: null);

        var pair = _kv.Current.Get("a/b")!;
        Assert.Equal(pair.CreateIndex, pair.ModifyIndex);
        Assert.True(pair.ModifyIndex > KvSnapshot.NeverWritten);
        Assert.Equal("hello", Encoding.UTF8.GetString(pair.Value));
    }

    [Fact]
    public void Put_ExistingKey_KeepsCreateIndexAndMovesModifyIndex()
    {
        _kv.Put("k", Bytes("1"), 0, null);
        var first = _kv.Current.Get("k")!;

        _kv.Put("k", Bytes("2"), 7, null);

        var second = _kv.Current.Get("k")!;
        Assert.Equal(first.CreateIndex, second.CreateIndex);
        Assert.True(second.ModifyIndex > first.ModifyIndex);
        Assert.Equal(7UL, second.Flags);
    }

    [Fact]
    public void Put_CasZero_CreatesOnlyWhenAbsent()
    {
        Assert.True(_kv.Put("k", Bytes("1"), 0, cas: 0));
        Assert.False(_kv.Put("k", Bytes("2"), 0, cas: 0));
        Assert.Equal("1", Encoding.UTF8.GetString(_kv.Current.Get("k")!.Value));
    }

    [Fact]
    public void Put_CasIndex_WritesOnlyWhenModifyIndexMatches()
    {
        _kv.Put("k", Bytes("1"), 0, null);
        var index = _kv.Current.Get("k")!.ModifyIndex;

        Assert.False(_kv.Put("k", Bytes("stale"), 0, cas: index + 100));
        Assert.True(_kv.Put("k", Bytes("2"), 0, cas: index));
        Assert.False(_kv.Put("k", Bytes("3"), 0, cas: index));
    }

    [Fact]
    public void Delete_CasZero_NeverDeletes()
    {
        _kv.Put("k", Bytes("1"), 0, null);

        Assert.False(_kv.Delete("k", cas: 0));
        Assert.NotNull(_kv.Current.Get("k"));
    }

    [Fact]
    public void Delete_Key_LeavesATombstoneSoItsIndexMovesForward()
    {
        _kv.Put("k", Bytes("1"), 0, null);
        var before = _kv.Current.KeyIndex("k");

        Assert.True(_kv.Delete("k", cas: null));

        Assert.Null(_kv.Current.Get("k"));
        Assert.True(_kv.Current.KeyIndex("k") > before);
    }

    [Fact]
    public void KeyIndex_NeverWrittenKey_IsOneNotZero() => Assert.Equal(1UL, _kv.Current.KeyIndex("nothing"));

    [Fact]
    public void DeleteTree_Prefix_RemovesOnlyKeysUnderIt()
    {
        _kv.Put("a/1", Bytes("x"), 0, null);
        _kv.Put("a/2", Bytes("x"), 0, null);
        _kv.Put("ab", Bytes("x"), 0, null);
        _kv.Put("b", Bytes("x"), 0, null);

        _kv.DeleteTree("a/");

        Assert.Equal(["ab", "b"], _kv.Current.Keys("", separator: null));
    }

    [Fact]
    public void Keys_WithSeparator_ListsFoldersOnceAndCutsAfterTheSeparator()
    {
        foreach (var key in new[] { "a/b", "a/c/d", "a/c/e", "a/f", "b" })
        {
            _kv.Put(key, Bytes("x"), 0, null);
        }

        Assert.Equal(["a/"], _kv.Current.Keys("", "/").Take(1));
        Assert.Equal(["a/b", "a/c/", "a/f"], _kv.Current.Keys("a/", "/"));
    }

    [Fact]
    public void Put_Key_WakesWatchersOfEachPrefixButNotOfOtherKeys()
    {
        var exact = _hub.NextChange(KvStore.Topic("app/config"));
        var folder = _hub.NextChange(KvStore.Topic("app/"));
        var partial = _hub.NextChange(KvStore.Topic("app/con"));
        var other = _hub.NextChange(KvStore.Topic("other"));

        _kv.Put("app/config", Bytes("v"), 0, null);

        Assert.True(exact.IsCompleted && folder.IsCompleted && partial.IsCompleted);
        Assert.False(other.IsCompleted);
    }

    [Fact]
    public void Delete_AbsentKey_SucceedsAndWakesNobody()
    {
        var watcher = _hub.NextChange(KvStore.Topic("missing"));

        Assert.True(_kv.Delete("missing", cas: null));

        Assert.False(watcher.IsCompleted);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
