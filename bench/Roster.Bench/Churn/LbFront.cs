using Roster.Testing;
using Roster.Testing.Network;
using Roster.Testing.Processes;
using Roster.Testing.Repository;

namespace Roster.Bench.Churn;

/// <summary>`roster lb` in one mode (runtime, reload, dns), ready once HAProxy accepts connections (its backend may still be empty).</summary>
internal sealed class LbFront : IChurnFront
{
    private readonly ChildProcess _lb;

    private LbFront(ChildProcess lb, Uri url)
    {
        _lb = lb;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<LbFront> StartAsync(string mode, RosterAgentProcess agent, RunDirectory run)
    {
        var port = FreePort.Next();
        var lb = ChildProcess.Start(
            RosterBinary.Path,
            [
                "lb", "--consul", agent.Address, "--bind", $"127.0.0.1:{port}", "--run-dir", run.Path, "--mode", mode,
                .. mode == "dns" ? new[] { "--dns", agent.DnsEndpoint!.ToString() } : [],
            ]);
        var front = new LbFront(lb, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await lb.WaitForLineAsync(line => line.Contains("lb listening on", StringComparison.Ordinal));
            await PortProbe.WaitUntilListeningAsync(port, () => lb.HasExited);
            return front;
        }
        catch
        {
            await front.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _lb.DisposeAsync();
}
