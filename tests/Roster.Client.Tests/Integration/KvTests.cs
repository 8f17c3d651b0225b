using System.Text;

namespace Roster.Client.Tests.Integration;

/// <summary>The KV store through <see cref="ConsulClient"/> against the real embedded agent.</summary>
public sealed class KvTests
{
    [Fact]
    public async Task GetAsync_MissingKey_IsNullValueWithAnIndex()
    {
        await using var agent = await RunningAgent.StartAsync();

        var result = await agent.Client.Kv.GetAsync("config/absent");

        Assert.Null(result.Value);
        Assert.True(result.LastIndex > 0);
    }

    [Fact]
    public async Task PutAsync_WithFlags_RoundTripsValueAndFlags()
    {
        await using var agent = await RunningAgent.StartAsync();
        var kv = agent.Client.Kv;

        var written = await kv.PutAsync("dir/hello wörld?", "v1"u8.ToArray(), flags: 42);
        var entry = (await kv.GetAsync("dir/hello wörld?")).Value;

        Assert.True(written);
        Assert.NotNull(entry);
        Assert.Equal(("dir/hello wörld?", "v1", 42UL), (entry.Key, Encoding.UTF8.GetString(entry.Value.Span), entry.Flags));
    }

    [Fact]
    public async Task PutAsync_Cas_OnlyTheWriterHoldingTheCurrentIndexWins()
    {
        await using var agent = await RunningAgent.StartAsync();
        var kv = agent.Client.Kv;

        var created = await kv.PutAsync("lock", "a"u8.ToArray(), cas: 0);
        var createdAgain = await kv.PutAsync("lock", "b"u8.ToArray(), cas: 0);
        var index = (await kv.GetAsync("lock")).Value!.ModifyIndex;
        var updated = await kv.PutAsync("lock", "c"u8.ToArray(), cas: index);
        var stale = await kv.PutAsync("lock", "d"u8.ToArray(), cas: index);
        var final = (await kv.GetAsync("lock")).Value!;

        Assert.Equal([true, false, true, false], [created, createdAgain, updated, stale]);
        Assert.Equal("c", Encoding.UTF8.GetString(final.Value.Span));
    }

    [Fact]
    public async Task DeleteAsync_Cas_DeletesOnlyAtTheCurrentIndex()
    {
        await using var agent = await RunningAgent.StartAsync();
        var kv = agent.Client.Kv;
        await kv.PutAsync("k", "v"u8.ToArray());
        var index = (await kv.GetAsync("k")).Value!.ModifyIndex;

        var staleDelete = await kv.DeleteAsync("k", cas: index - 1);
        var stillThere = (await kv.GetAsync("k")).Value;
        var delete = await kv.DeleteAsync("k", cas: index);

        Assert.False(staleDelete);
        Assert.NotNull(stillThere);
        Assert.True(delete);
        Assert.Null((await kv.GetAsync("k")).Value);
    }

    [Fact]
    public async Task ListAndKeys_UnderAPrefix_ListEntriesAndFoldFolders()
    {
        await using var agent = await RunningAgent.StartAsync();
        var kv = agent.Client.Kv;
        await kv.PutAsync("app/a", "1"u8.ToArray());
        await kv.PutAsync("app/sub/b", "2"u8.ToArray());
        await kv.PutAsync("other", "3"u8.ToArray());

        var list = await kv.ListAsync("app/");
        var keys = await kv.KeysAsync("app/", separator: "/");
        var none = await kv.ListAsync("nothing/");

        Assert.Equal(["app/a", "app/sub/b"], list.Value.Select(e => e.Key));
        Assert.Equal(["app/a", "app/sub/"], keys.Value);
        Assert.Empty(none.Value);
        Assert.True(none.LastIndex > 0);
    }

    [Fact]
    public async Task DeleteAsync_Recurse_RemovesTheWholePrefix()
    {
        await using var agent = await RunningAgent.StartAsync();
        var kv = agent.Client.Kv;
        await kv.PutAsync("app/a", "1"u8.ToArray());
        await kv.PutAsync("app/sub/b", "2"u8.ToArray());

        var deleted = await kv.DeleteAsync("app/", recurse: true);

        Assert.True(deleted);
        Assert.Empty((await kv.ListAsync("app/")).Value);
    }

    [Fact]
    public async Task GetAsync_BlockingOnAMissingKey_IsWokenWhenTheKeyAppears()
    {
        await using var agent = await RunningAgent.StartAsync();
        var kv = agent.Client.Kv;
        var missing = await kv.GetAsync("feature/flag");

        var blocked = kv.GetAsync("feature/flag", new QueryOptions { Index = missing.LastIndex, Wait = TimeSpan.FromMinutes(1) });
        await kv.PutAsync("feature/flag", "on"u8.ToArray());
        var woken = await blocked.WaitAsync(Signals.Timeout);

        Assert.Equal("on", Encoding.UTF8.GetString(woken.Value!.Value.Span));
        Assert.True(woken.LastIndex > missing.LastIndex);
    }
}
