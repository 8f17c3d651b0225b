using System.Net;
using System.Net.Sockets;
using Roster.Protocol.Health;

namespace Roster.Agent.Checks;

/// <summary>Consul's TCP check: a plain connect; success is passing, anything else critical.</summary>
internal sealed class TcpProbe : ICheckProbe
{
    public bool Handles(CheckSpec spec) => spec.Tcp is not null;

    public async Task<CheckResult> ProbeAsync(CheckSpec spec, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var address = spec.Tcp!;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var client = new TcpClient();
            if (IPEndPoint.TryParse(address, out var endpoint) && address.Contains(':', StringComparison.Ordinal))
            {
                await client.ConnectAsync(endpoint, deadline.Token);
            }
            else
            {
                var (host, port) = SplitHostPort(address);
                await client.ConnectAsync(host, port, deadline.Token);
            }

            return new CheckResult(CheckStatus.Passing, $"TCP connect {address}: Success");
        }
        catch (Exception e) when (e is SocketException or FormatException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var why = e is OperationCanceledException ? "i/o timeout" : e.Message;
            return new CheckResult(CheckStatus.Critical, $"dial tcp {address}: {why}");
        }
    }

    private static (string Host, int Port) SplitHostPort(string address)
    {
        var colon = address.LastIndexOf(':');
        return colon > 0 && int.TryParse(address[(colon + 1)..], out var port)
            ? (address[..colon].Trim('[', ']'), port)
            : throw new FormatException($"address {address}: missing port in address");
    }
}
