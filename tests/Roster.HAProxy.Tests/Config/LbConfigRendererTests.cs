using System.Net;
using Roster.HAProxy.Config;
using Roster.HAProxy.Servers;

namespace Roster.HAProxy.Tests.Config;

public class LbConfigRendererTests
{
    private static readonly LbConfig Config = LbConfig.For("/run/roster", new IPEndPoint(IPAddress.Loopback, 8000));

    private const string Options =
        "check inter 500 fall 2 rise 1 observe layer4 error-limit 1 on-error mark-down pool-max-conn -1 pool-purge-delay 5s";

    public static TheoryData<string, string[]> Sections => new()
    {
        {
            "global",
            [
                "maxconn 4096",
                "stats socket /run/roster/admin.sock mode 600 level admin expose-fd listeners",
                "stats timeout 30s",
                "server-state-file /run/roster/server-state",
                "hard-stop-after 30s",
                "close-spread-time 2s",
            ]
        },
        {
            "defaults",
            [
                "mode http",
                "timeout connect 200ms",
                "timeout client 30s",
                "timeout server 30s",
                "timeout http-keep-alive 10s",
                "retries 3",
                "option redispatch 1",
                "retry-on conn-failure empty-response response-timeout",
                "load-server-state-from-file global",
            ]
        },
        {
            "frontend http-in",
            [
                "bind 127.0.0.1:8000",
                "http-request disable-l7-retry unless METH_GET",
                "http-request use-service prometheus-exporter if { path /metrics }",
                "stats enable",
                "stats uri /admin?stats",
                "default_backend www",
            ]
        },
        {
            "backend www",
            [
                "balance roundrobin",
                "option httpchk GET /health",
                "http-check expect status 200",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void Render_Section_HasItsSettingsInOrder(string header, string[] settings)
    {
        var sections = Parse(LbConfigRenderer.Render(Config, []));

        Assert.Equal(settings, sections[header].Where(l => !l.StartsWith("server ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Render_Sections_ComeInTheUsualOrder() =>
        Assert.Equal(["global", "defaults", "frontend http-in", "backend www"], Parse(LbConfigRenderer.Render(Config, [])).Keys);

    [Fact]
    public void Render_NoServers_HasAnEmptyBackend() =>
        Assert.DoesNotContain(Parse(LbConfigRenderer.Render(Config, []))["backend www"], l => l.StartsWith("server", StringComparison.Ordinal));

    [Fact]
    public void Render_OneServer_IsOneServerLine() =>
        Assert.Equal(
            ["server www-1 127.0.0.1:20001 " + Options],
            Servers(LbConfigRenderer.Render(Config, [new BackendServer("www-1", IPAddress.Loopback, 20001)])));

    [Fact]
    public void Render_ThreeServers_AreSortedByName()
    {
        BackendServer[] servers =
        [
            new("www-c", IPAddress.Parse("10.0.0.3"), 20003),
            new("www-a", IPAddress.Parse("10.0.0.1"), 20001),
            new("www-b", IPAddress.IPv6Loopback, 20002),
        ];

        Assert.Equal(
            ["server www-a 10.0.0.1:20001 " + Options, "server www-b [::1]:20002 " + Options, "server www-c 10.0.0.3:20003 " + Options],
            Servers(LbConfigRenderer.Render(Config, servers)));
    }

    [Fact]
    public void Render_SameServersInAnyOrder_GivesTheSameBytes()
    {
        BackendServer a = new("a", IPAddress.Loopback, 1), b = new("b", IPAddress.Loopback, 2);

        Assert.Equal(LbConfigRenderer.Render(Config, [a, b]), LbConfigRenderer.Render(Config, [b, a]));
    }

    [Fact]
    public void Render_Text_UsesLfOnlyAndEndsWithANewline()
    {
        var text = LbConfigRenderer.Render(Config, [new BackendServer("a", IPAddress.Loopback, 1)]);

        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OtherSettings_AreUsed()
    {
        var config = LbConfig.For("/srv/lb", new IPEndPoint(IPAddress.IPv6Loopback, 9000), "data") with
        {
            Balance = "leastconn",
            CheckInter = TimeSpan.FromMilliseconds(1000),
        };

        var sections = Parse(LbConfigRenderer.Render(config, [new BackendServer("d1", IPAddress.Loopback, 30001)]));

        Assert.Contains("bind [::1]:9000", sections["frontend http-in"]);
        Assert.Contains("default_backend data", sections["frontend http-in"]);
        Assert.Contains("balance leastconn", sections["backend data"]);
        Assert.Contains("stats socket /srv/lb/admin.sock mode 600 level admin expose-fd listeners", sections["global"]);
        Assert.StartsWith("server d1 127.0.0.1:30001 check inter 1000 ", Assert.Single(Servers(LbConfigRenderer.Render(config, [new BackendServer("d1", IPAddress.Loopback, 30001)]))), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HostileIdsThatReachIt_StayOneServerLineEach()
    {
        // The screen refuses these before they get here; the renderer is safe even so, because names are mapped.
        string[] ids = ["x\n    server evil 6.6.6.6:80", "y # comment", "z\r\nbackend evil", "q\"quoted\" {acl}"];
        var servers = ids.Select((id, i) => new BackendServer(id, IPAddress.Loopback, 20001 + i)).ToList();

        var text = LbConfigRenderer.Render(Config, servers);

        Assert.All(ids, id => Assert.DoesNotContain(id, text, StringComparison.Ordinal));
        Assert.Equal(ids.Length, Servers(text).Count);
        Assert.DoesNotContain("backend evil", text, StringComparison.Ordinal);
        Assert.All(Servers(text), l => Assert.Equal(3 + Options.Split(' ').Length, l.Split(' ').Length));
    }

    [Fact]
    public void Render_TwoServersWithOneName_Throws()
    {
        BackendServer[] servers = [new("a", IPAddress.Loopback, 1), new("a", IPAddress.Loopback, 2)];

        Assert.Throws<ArgumentException>(() => LbConfigRenderer.Render(Config, servers));
    }

    [Fact]
    public void Render_InvalidConfig_ThrowsBeforeWritingAnything() =>
        Assert.Throws<InvalidOperationException>(() => LbConfigRenderer.Render(Config with { AdminSocketPath = "/tmp/a b" }, []));

    // Section header → its settings, comments and blank lines dropped, indentation trimmed.
    private static Dictionary<string, List<string>> Parse(string text)
    {
        var sections = new Dictionary<string, List<string>>();
        List<string>? current = null;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            if (!char.IsWhiteSpace(line[0]))
            {
                sections[trimmed] = current = [];
                continue;
            }

            Assert.NotNull(current);
            current.Add(trimmed);
        }

        return sections;
    }

    private static List<string> Servers(string text) =>
        Parse(text).Single(s => s.Key.StartsWith("backend ", StringComparison.Ordinal)).Value
            .Where(l => l.StartsWith("server ", StringComparison.Ordinal)).ToList();
}
