using System.Net;
using System.Text.Json.Nodes;

namespace Roster.Agent.Tests.Http;

/// <summary>/v1/kv/KEY: get, ?raw, ?recurse, ?keys, put with ?flags and ?cas, delete (consul-api.md §1.12, §6.8).</summary>
public sealed class KvApiTests
{
    [Fact]
    public async Task Put_Value_IsTrueAndReadsBackAsOneDirEntry()
    {
        await using var agent = await AgentServer.StartAsync();

        using var put = await agent.Http.PutAsync("/v1/kv/a/b", new StringContent("hello"));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("true", (await put.Content.ReadAsStringAsync()).Trim());
        var (body, index) = await agent.GetIndexedAsync("/v1/kv/a/b");
        var entry = Assert.Single(body!.AsArray())!.AsObject();
        Assert.Equal("a/b", (string?)entry["Key"]);
        Assert.Equal("aGVsbG8=", (string?)entry["Value"]);
        Assert.Equal(0, (int?)entry["Flags"]);
        Assert.Equal(0, (int?)entry["LockIndex"]);
        Assert.Equal((ulong?)entry["CreateIndex"], (ulong?)entry["ModifyIndex"]);
        Assert.Equal(index, (ulong?)entry["ModifyIndex"]);
        Assert.False(entry.ContainsKey("Session"));
    }

    [Fact]
    public async Task Put_ArbitraryBytes_RoundTripAsStandardBase64()
    {
        await using var agent = await AgentServer.StartAsync();
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();

        using var put = await agent.Http.PutAsync("/v1/kv/bin", new ByteArrayContent(bytes));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var entry = Assert.Single((await agent.GetJsonAsync("/v1/kv/bin"))!.AsArray())!;
        Assert.Equal(Convert.ToBase64String(bytes), (string?)entry["Value"]);
    }

    [Fact]
    public async Task Put_Again_KeepsCreateIndexMovesModifyIndexAndResetsFlags()
    {
        await using var agent = await AgentServer.StartAsync();
        await PutAsync(agent, "/v1/kv/k?flags=7", "one");
        var first = Assert.Single((await agent.GetJsonAsync("/v1/kv/k"))!.AsArray())!;

        await PutAsync(agent, "/v1/kv/k", "two");

        var second = Assert.Single((await agent.GetJsonAsync("/v1/kv/k"))!.AsArray())!;
        Assert.Equal((ulong?)first["CreateIndex"], (ulong?)second["CreateIndex"]);
        Assert.True((ulong)second["ModifyIndex"]! > (ulong)first["ModifyIndex"]!);
        Assert.Equal(0, (int?)second["Flags"]);
        Assert.Equal("dHdv", (string?)second["Value"]);
    }

    [Fact]
    public async Task Get_Raw_IsTheBytesAsSandboxedPlainText()
    {
        await using var agent = await AgentServer.StartAsync();
        await PutAsync(agent, "/v1/kv/a/b", "hello");

        using var response = await agent.Http.GetAsync("/v1/kv/a/b?raw");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hello", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("/v1/kv/missing")]
    [InlineData("/v1/kv/missing?raw")]
    [InlineData("/v1/kv/zz?recurse")]
    [InlineData("/v1/kv/zz?keys")]
    public async Task Get_Nothing_Is404WithEmptyBodyButTheIndexHeaders(string path)
    {
        await using var agent = await AgentServer.StartAsync();
        await PutAsync(agent, "/v1/kv/a/b", "hello");

        using var response = await agent.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.True(AgentServer.IndexOf(response) >= 1);
        Assert.Equal("true", response.Headers.GetValues("X-Consul-KnownLeader").Single());
        Assert.Equal("0", response.Headers.GetValues("X-Consul-LastContact").Single());
    }

    [Fact]
    public async Task Put_FlagsWithEmptyBody_StoresTheFlagsAndANullValue()
    {
        await using var agent = await AgentServer.StartAsync();

        await PutAsync(agent, "/v1/kv/a/c?flags=42", "");

        var entry = Assert.Single((await agent.GetJsonAsync("/v1/kv/a/c"))!.AsArray())!.AsObject();
        Assert.Equal(42, (int?)entry["Flags"]);
        Assert.True(entry.ContainsKey("Value"));
        Assert.Null(entry["Value"]);
    }

    [Theory]
    [InlineData("/v1/kv/a?recurse", "a/b,a/c,a/d/e")]
    [InlineData("/v1/kv/a/d?recurse", "a/d/e")]
    [InlineData("/v1/kv/?recurse", "a/b,a/c,a/d/e,b")]
    public async Task Get_Recurse_ListsEntriesUnderThePrefixSortedByKey(string path, string keys)
    {
        await using var agent = await SeededAsync();

        var entries = (await agent.GetJsonAsync(path))!.AsArray();

        Assert.Equal(keys, string.Join(',', entries.Select(e => (string?)e!["Key"])));
    }

    [Theory]
    [InlineData("/v1/kv/?keys&separator=/", """["a/","b"]""")]
    [InlineData("/v1/kv/a/?keys", """["a/b","a/c","a/d/e"]""")]
    [InlineData("/v1/kv/a/?keys&separator=/", """["a/b","a/c","a/d/"]""")]
    [InlineData("/v1/kv/a/?keys&seperator=/", """["a/b","a/c","a/d/"]""")]
    [InlineData("/v1/kv/?keys", """["a/b","a/c","a/d/e","b"]""")]
    public async Task Get_Keys_ListsKeyNamesFoldedAtTheSeparator(string path, string keys)
    {
        await using var agent = await SeededAsync();

        Assert.Equal(keys, (await agent.GetJsonAsync(path))!.ToJsonString());
    }

    [Fact]
    public async Task Get_KeysUnderTheEmptyPrefixOfAnEmptyStore_IsAnEmptyArray()
    {
        await using var agent = await AgentServer.StartAsync();

        Assert.Equal("[]", (await agent.GetJsonAsync("/v1/kv/?keys"))!.ToJsonString());
    }

    [Fact]
    public async Task Put_Cas_WritesOnlyOverTheExpectedModifyIndex()
    {
        await using var agent = await AgentServer.StartAsync();
        Assert.Equal("true", await PutAsync(agent, "/v1/kv/a/b?cas=0", "created"));
        var created = (ulong)(await agent.GetJsonAsync("/v1/kv/a/b"))![0]!["ModifyIndex"]!;

        Assert.Equal("false", await PutAsync(agent, "/v1/kv/a/b?cas=0", "again"));
        Assert.Equal("true", await PutAsync(agent, $"/v1/kv/a/b?cas={created}", "updated"));
        Assert.Equal("false", await PutAsync(agent, $"/v1/kv/a/b?cas={created}", "stale"));

        using var raw = await agent.Http.GetAsync("/v1/kv/a/b?raw");
        Assert.Equal("updated", await raw.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Delete_Cas_DeletesOnlyAtTheExpectedModifyIndexAndZeroNever()
    {
        await using var agent = await AgentServer.StartAsync();
        await PutAsync(agent, "/v1/kv/a/b", "hello");
        var index = (ulong)(await agent.GetJsonAsync("/v1/kv/a/b"))![0]!["ModifyIndex"]!;

        Assert.Equal("false", await DeleteAsync(agent, "/v1/kv/a/b?cas=0"));
        Assert.Equal("false", await DeleteAsync(agent, $"/v1/kv/a/b?cas={index + 1000}"));
        Assert.NotNull(await agent.GetJsonAsync("/v1/kv/a/b"));
        Assert.Equal("true", await DeleteAsync(agent, $"/v1/kv/a/b?cas={index}"));

        using var gone = await agent.Http.GetAsync("/v1/kv/a/b");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Delete_Recurse_RemovesEverythingUnderThePrefixOnly()
    {
        await using var agent = await SeededAsync();

        Assert.Equal("true", await DeleteAsync(agent, "/v1/kv/a?recurse"));

        Assert.Equal("""["b"]""", (await agent.GetJsonAsync("/v1/kv/?keys"))!.ToJsonString());
    }

    [Fact]
    public async Task Delete_OneKeyOrAMissingOne_IsTrue()
    {
        await using var agent = await SeededAsync();

        Assert.Equal("true", await DeleteAsync(agent, "/v1/kv/b"));
        Assert.Equal("true", await DeleteAsync(agent, "/v1/kv/never-there"));

        Assert.Equal("""["a/b","a/c","a/d/e"]""", (await agent.GetJsonAsync("/v1/kv/?keys"))!.ToJsonString());
    }

    [Theory]
    [InlineData("PUT", "/v1/kv/a?cas=1&acquire=x")]
    [InlineData("PUT", "/v1/kv/a?cas=1&release=x")]
    [InlineData("DELETE", "/v1/kv/a?recurse&cas=1")]
    public async Task Write_CasWithConflictingFlag_Is400ConflictingFlags(string method, string path)
    {
        await using var agent = await AgentServer.StartAsync();

        using var response = await agent.SendAsync(method, path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Conflicting flags", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/kv/a?flags=abc")]
    [InlineData("/v1/kv/a?cas=-1")]
    public async Task Put_UnparsableNumber_Is500AndStoresNothing(string path)
    {
        await using var agent = await AgentServer.StartAsync();

        using var response = await agent.Http.PutAsync(path, new StringContent("v"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        using var get = await agent.Http.GetAsync("/v1/kv/a");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task Put_600KiBWithTheDefaultCap_Is413AndStoresNothing()
    {
        await using var agent = await AgentServer.StartAsync();

        using var response = await agent.Http.PutAsync("/v1/kv/big", new ByteArrayContent(new byte[600 * 1024]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.StartsWith("Request body(", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var get = await agent.Http.GetAsync("/v1/kv/big");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task EmptyKey_WithoutRecurseOrKeys_Is400MissingKeyName(string method)
    {
        await using var agent = await AgentServer.StartAsync();

        using var response = await agent.SendAsync(method, "/v1/kv/");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Missing key name", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Key_PercentEncoded_IsDecodedOnce()
    {
        await using var agent = await AgentServer.StartAsync();

        await PutAsync(agent, "/v1/kv/dir%2Fsub%20key%2525", "v");

        Assert.Equal("""["dir/sub key%25"]""", (await agent.GetJsonAsync("/v1/kv/?keys"))!.ToJsonString());
    }

    private static async Task<AgentServer> SeededAsync()
    {
        var agent = await AgentServer.StartAsync();
        foreach (var key in new[] { "b", "a/d/e", "a/c", "a/b" })
        {
            await PutAsync(agent, $"/v1/kv/{key}", key);
        }

        return agent;
    }

    private static async Task<string> PutAsync(AgentServer agent, string path, string value)
    {
        using var response = await agent.Http.PutAsync(path, new StringContent(value));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync()).Trim();
    }

    private static async Task<string> DeleteAsync(AgentServer agent, string path)
    {
        using var response = await agent.Http.DeleteAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync()).Trim();
    }
}
