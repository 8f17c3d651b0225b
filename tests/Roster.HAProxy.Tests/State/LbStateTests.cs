using System.Text;
using System.Text.Json;
using Roster.HAProxy.State;

namespace Roster.HAProxy.Tests.State;

/// <summary>The state roster lb publishes: camelCase JSON the browser reads, rewritten only on real change.</summary>
public sealed class LbStateTests
{
    private static readonly LbState State = new()
    {
        Service = "www",
        Backend = "www",
        Bind = "127.0.0.1:8000",
        Mode = "runtime",
        Pid = 7,
        AdminSocket = "/run/roster/admin.sock",
        Updated = DateTimeOffset.Parse("2026-11-25T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        Servers = [new LbServerState("www-1", "www-1", "127.0.0.1", 20001, "UP", "READY", 0)],
    };

    [Fact]
    public void Json_RoundTrips_InCamelCase()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(State, LbStateJson.Default.LbState);

        Assert.Contains("\"adminSocket\":\"/run/roster/admin.sock\"", Encoding.UTF8.GetString(json), StringComparison.Ordinal);
        Assert.Contains("\"serviceId\":\"www-1\"", Encoding.UTF8.GetString(json), StringComparison.Ordinal);
        var back = LbState.TryParse(json);
        Assert.NotNull(back);
        Assert.True(back.SameAs(State));
        Assert.Equal(State.Updated, back.Updated);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public void TryParse_NotAState_Null(string text) => Assert.Null(LbState.TryParse(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void SameAs_OnlyTheTimeDiffers_True() => Assert.True(State.SameAs(State with { Updated = State.Updated.AddSeconds(5) }));

    [Fact]
    public void SameAs_AServerChanged_False() =>
        Assert.False(State.SameAs(State with { Servers = [State.Servers[0] with { State = "DOWN" }] }));

    [Fact]
    public void SameAs_Null_False() => Assert.False(State.SameAs(null));
}
