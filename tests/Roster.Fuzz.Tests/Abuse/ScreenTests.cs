using System.Net;
using CsCheck;
using Roster.HAProxy.Config;
using Roster.HAProxy.Servers;
using Roster.Protocol.Catalog;
using Roster.Protocol.Health;
using Roster.Testing.Reliability;

namespace Roster.Fuzz.Tests.Abuse;

/// <summary>
/// A registry that accepts anything (a real Consul takes all of these) hands the controller hostile instances: the
/// screen refuses each one, and the config roster lb renders holds none of their text.
/// </summary>
[Trait(ReliabilityKind.Trait, ReliabilityKind.Abuse)]
public sealed class ScreenTests
{
    private static readonly LbConfig Config = new()
    {
        Bind = new IPEndPoint(IPAddress.Loopback, 8000),
        AdminSocketPath = "/run/roster/admin.sock",
        ServerStatePath = "/run/roster/state",
    };

    private static readonly Gen<string> Hostile = HostileText.Spliced([.. HostileText.LineBreakers, "\ud800", .. HostileText.Syntax]);

    /// <summary>One hostile field among ID, service name, node name, address and tags; the rest valid.</summary>
    private static readonly Gen<(CheckServiceNode Instance, string Hostile)> HostileInstance =
        Gen.Select(Gen.Int[0, 4], Hostile).Select((field, text) => (Instance(field, text), text));

    [Fact]
    public void Screen_HostileInstances_AllRefusedAndNoneRendered()
    {
        var instances = 0;
        var run = FuzzRun.Sample(HostileInstance.Array[1, 8], batch =>
        {
            Interlocked.Add(ref instances, batch.Length);
            var good = Instance(-1, "");
            var screened = InstanceScreen.Screen([good, .. batch.Select(b => b.Instance)]);
            Assert.Equal(batch.Length, screened.Refusals.Count);
            Assert.Equal("www-good", Assert.Single(screened.Servers).Name);
            var config = LbConfigRenderer.Render(Config, screened.Servers);
            Assert.Equal(LbConfigRenderer.Render(Config, [screened.Servers[0]]), config);
            foreach (var refusal in screened.Refusals)
            {
                // The reason is logged: it names the character by code point, so it is itself one clean line.
                Assert.DoesNotContain(refusal.Reason, c => char.IsControl(c) || char.IsSurrogate(c) || c is '#' or '"' or '\n');
            }
        }, seed: "f6XPsLWk_2V8", iter: FuzzScale.Iterations(2_000), print: batch => string.Join(" | ", batch.Select(b => System.Text.Json.JsonSerializer.Serialize(b.Hostile))));
        ReliabilityLog.Record<ScreenTests>(ReliabilityKind.Abuse,
            $"batches of 1-8 hostile instances (from a registry that accepts anything) beside a good one, screened and rendered by roster lb: all refused, none in haproxy.cfg; {instances} hostile instances in all",
            run.Cases, "batches", run.Failed, run.Note);
        run.ThrowIfFailed();
    }

    private static CheckServiceNode Instance(int hostileField, string text) => new()
    {
        Node = new Node { Name = hostileField == 2 ? text : "n1", Address = "127.0.0.1" },
        Service = new NodeService
        {
            Id = hostileField switch { -1 => "www-good", 0 => text, _ => "www-" + Guid.NewGuid().ToString("N") },
            Service = hostileField == 1 ? text : "www",
            Address = hostileField == 3 ? text : "127.0.0.1",
            Port = 20001,
            Tags = hostileField == 4 ? ["ok", text] : ["ok"],
        },
    };
}
