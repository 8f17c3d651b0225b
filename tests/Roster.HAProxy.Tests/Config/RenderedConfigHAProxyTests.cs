using System.Net;
using Roster.HAProxy.Config;
using Roster.HAProxy.Servers;
using Roster.HAProxy.Tests.Servers;
using Roster.Testing;
using Roster.Testing.Network;

namespace Roster.HAProxy.Tests.Config;

/// <summary>The rendered config against the real HAProxy 2.6 parser: what it says is valid, is.</summary>
public sealed class RenderedConfigHAProxyTests : IDisposable
{
    private readonly RunDirectory _run = new();

    public void Dispose() => _run.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Render_ServerCount_PassesHAProxyCheck(int count)
    {
        var servers = Enumerable.Range(1, count)
            .Select(i => new BackendServer($"www-host-{20000 + i}-6f1c2a9e-1b2c-4d5e-8f90-0123456789ab", IPAddress.Loopback, 20000 + i))
            .ToList();

        await HAProxyCheck.AssertValidAsync(_run, LbConfigRenderer.Render(Config(), servers));
    }

    [Fact]
    public async Task Render_WithAServerStateFileInPlace_HasNoWarningsAtAll()
    {
        // The one warning otherwise is the missing state file; a file with just the version and header line (what
        // 'show servers state' prints for no servers) silences it, so everything else is warning-free.
        await File.WriteAllTextAsync(_run.File("server-state"), "1\n# be_id be_name srv_id srv_name srv_addr\n");
        var text = LbConfigRenderer.Render(Config(), [new BackendServer("www-1", IPAddress.Loopback, 20001)]);

        await HAProxyCheck.AssertValidAsync(_run, text, zeroWarnings: true);
    }

    [Fact]
    public async Task Render_IdsFullOfOddCharacters_GiveNamesHAProxyAccepts()
    {
        // Everything the screen lets through that HAProxy names cannot carry, plus the allowed punctuation as is.
        string[] ids = ["a.b:c_d-E9", "-starts-with-dash", "web/1", "svc@host", "x+y=z,w", "100%", "ünïcødé", "emoji-\U0001F600",
            "a~b|c;d&e*f?g!h$i(j)k[l]m<n>o^p", new string('x', 300), "x--0123456789ab", "9"];
        var servers = ids.Select((id, i) => new BackendServer(id, IPAddress.Loopback, 20001 + i)).ToList();

        var text = LbConfigRenderer.Render(Config(), servers);

        Assert.Equal(ids.Length, servers.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count());
        await HAProxyCheck.AssertValidAsync(_run, text);
    }

    [Fact]
    public async Task Render_Ipv6ServersAndBind_PassHAProxyCheck()
    {
        var config = Config() with { Bind = new IPEndPoint(IPAddress.IPv6Loopback, FreePort.Next()) };
        BackendServer[] servers =
        [
            new("v6", IPAddress.IPv6Loopback, 20001),
            new("v4-mapped", IPAddress.Parse("::ffff:127.0.0.1"), 20002),
            new("v6-global", IPAddress.Parse("2001:db8::5"), 20003),
        ];

        await HAProxyCheck.AssertValidAsync(_run, LbConfigRenderer.Render(config, servers));
    }

    [Fact]
    public async Task Render_BackendNamedLikeTheFrontend_PassesHAProxyCheck() =>
        await HAProxyCheck.AssertValidAsync(_run, LbConfigRenderer.Render(Config("http-in"), []));

    [Fact]
    public async Task Render_ServiceNameNeedingMapping_PassesHAProxyCheck() =>
        await HAProxyCheck.AssertValidAsync(_run, LbConfigRenderer.Render(Config("my service/v2"), []));

    [Fact]
    public async Task Render_ScreenedHostileRegistry_PassesHAProxyCheckWithOnlyTheGoodServer()
    {
        var screened = InstanceScreen.Screen(
        [
            Instances.Www("good-1", port: 20001),
            Instances.Www("evil-1\n    server evil 6.6.6.6:80"),
            Instances.Www("evil-2", tags: ["x\n    server evil 6.6.6.6:80"]),
        ]);

        var text = LbConfigRenderer.Render(Config(), screened.Servers);

        Assert.DoesNotContain("evil", text, StringComparison.Ordinal);
        await HAProxyCheck.AssertValidAsync(_run, text);
    }

    [Fact]
    public async Task HAProxyCheck_ABrokenConfig_IsReportedAsInvalid()
    {
        // The helper must be able to fail, or the tests above prove nothing.
        var text = LbConfigRenderer.Render(Config(), []) + "    server bad/name 127.0.0.1:80\n";

        var (exit, output, _) = await HAProxyCheck.RunAsync(_run, text);

        Assert.NotEqual(0, exit);
        Assert.Contains(output, l => l.Contains("ALERT", StringComparison.Ordinal));
    }

    private LbConfig Config(string service = "www") =>
        LbConfig.For(_run.Path, new IPEndPoint(IPAddress.Loopback, FreePort.Next()), service);
}
