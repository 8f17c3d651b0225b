using System.Text;
using Roster.Cli.Up;
using Roster.Testing.Network;
using Roster.Testing.Processes;

namespace Roster.Cli.Tests.Scale;

/// <summary>`roster scale` writes counts the supervisor reads; anything else is refused before a write.</summary>
public sealed class ScaleCommandTests
{
    [Theory]
    [InlineData("foo=2", "invalid scale 'foo=2'")]
    [InlineData("www", "invalid scale 'www'")]
    [InlineData("www=-1", "invalid count '-1' for www")]
    [InlineData("data=65", "invalid count '65' for data")]
    [InlineData("www=two", "invalid count 'two' for www")]
    public async Task Scale_BadCount_ExitsTwoWithOneLineNamingIt(string count, string named)
    {
        var result = await RosterCli.RunAsync("scale", count);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, Assert.Single(result.Stderr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scale_NoRegistry_ExitsOneSayingWhere()
    {
        var nobody = FreePort.Next();

        var result = await RosterCli.RunAsync("scale", "www=3", "--consul", $"127.0.0.1:{nobody}");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"no registry answered at http://127.0.0.1:{nobody}/", Assert.Single(result.Stderr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scale_RunningAgent_WritesTheCountsAndSaysWhatChanged()
    {
        await using var agent = await RosterAgentProcess.StartAsync();
        using var http = new HttpClient();

        var first = await RosterCli.RunAsync("scale", "www=3", "data=0", "--consul", agent.Address);
        var second = await RosterCli.RunAsync("scale", "www=1", "--consul", agent.Address);

        Assert.Equal(["www: unset -> 3", "data: unset -> 0"], first.Stdout);
        Assert.Equal(["www: 3 -> 1"], second.Stdout);
        Assert.Equal("1", await http.GetStringAsync(new Uri(agent.Url, "/v1/kv/roster/scale/www?raw")));
        Assert.Equal("0", await http.GetStringAsync(new Uri(agent.Url, "/v1/kv/roster/scale/data?raw")));
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("64", 64)]
    [InlineData(" 4\n", 4)]
    [InlineData("65", null)]
    [InlineData("-1", null)]
    [InlineData("+1", null)]
    [InlineData("four", null)]
    [InlineData("", null)]
    public void Decode_Value_IsACountOnlyFromZeroToMax(string value, int? expected) =>
        Assert.Equal(expected, ScaleKey.Decode(Encoding.UTF8.GetBytes(value)));
}
