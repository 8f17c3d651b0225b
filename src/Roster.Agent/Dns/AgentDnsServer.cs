using System.Net;
using System.Net.Sockets;
using ARSoft.Tools.Net.Dns;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Roster.Agent.Dns;

/// <summary>
/// The agent's DNS interface: ARSoft's server on UDP and TCP at one address, answering every query through
/// <see cref="DnsResponder"/>. Started and stopped with the host.
/// </summary>
internal sealed partial class AgentDnsServer(IPEndPoint address, DnsResponder responder, ILogger<AgentDnsServer> logger) : IHostedService
{
    /// <summary>miekg/dns's defaults, which Consul keeps: 2 s to read or write, 8 s for an idle TCP connection.</summary>
    private const int IoTimeoutMs = 2000;
    private const int TcpIdleMs = 8000;
    private const int FreePortAttempts = 20;

    private DnsServer? _server;

    /// <summary>The address bound, with the real port when 0 was asked; null until started.</summary>
    public IPEndPoint? LocalEndpoint { get; private set; }

    /// <exception cref="SocketException">The port is taken on UDP or TCP (SocketError.AddressAlreadyInUse).</exception>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        (_server, LocalEndpoint) = address.Port == 0 ? StartOnFreePort() : (Start(address), address);
        LogListening(LocalEndpoint);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _server?.Stop();
        _server = null;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Port 0 must mean one port for both transports, which the OS cannot pick at once: take the port UDP gets, then
    /// bind both there, and try again with another when TCP (or a racing process) already holds it.
    /// </summary>
    private (DnsServer, IPEndPoint) StartOnFreePort()
    {
        for (var attempt = 1; ; attempt++)
        {
            int port;
            using (var probe = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp))
            {
                probe.Bind(address);
                port = ((IPEndPoint)probe.LocalEndPoint!).Port;
            }

            var endpoint = new IPEndPoint(address.Address, port);
            try
            {
                return (Start(endpoint), endpoint);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse && attempt < FreePortAttempts)
            {
                LogPortRace(port);
            }
        }
    }

    private DnsServer Start(IPEndPoint endpoint)
    {
        var server = new DnsServer(
            new MalformedQueryGuard(new UdpServerTransport(endpoint, IoTimeoutMs)),
            new MalformedQueryGuard(new TcpServerTransport(endpoint, IoTimeoutMs, TcpIdleMs)));
        server.QueryReceived += OnQueryAsync;
        server.ExceptionThrown += OnExceptionAsync;
        try
        {
            server.Start();
        }
        catch
        {
            // Start binds the transports one by one: release the UDP socket when TCP could not bind.
            server.Stop();
            throw;
        }

        return server;
    }

    private Task OnQueryAsync(object sender, QueryReceivedEventArgs e)
    {
        if (e.Query is DnsMessage query)
        {
            var response = responder.Respond(query, e.TransportProtocol);
            LogQuery(e.RemoteEndpoint, e.TransportProtocol, query.Questions, response.ReturnCode, response.AnswerRecords.Count);
            e.Response = response;
        }

        // Any other message (an update, say) is left unanswered here: ARSoft then replies SERVFAIL.
        return Task.CompletedTask;
    }

    /// <summary>
    /// ARSoft reports a packet it cannot parse here and drops it: UDP gets no reply, a TCP connection is closed. The
    /// server keeps serving, so this is per-request noise (Debug), not a failure.
    /// </summary>
    private Task OnExceptionAsync(object sender, ExceptionEventArgs e)
    {
        LogDropped(e.Exception);
        return Task.CompletedTask;
    }
}
