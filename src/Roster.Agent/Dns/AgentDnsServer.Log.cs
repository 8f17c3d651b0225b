using System.Net;
using ARSoft.Tools.Net.Dns;
using Microsoft.Extensions.Logging;

namespace Roster.Agent.Dns;

internal sealed partial class AgentDnsServer
{
    [LoggerMessage(Level = LogLevel.Information, Message = "DNS listening on {Endpoint} (udp, tcp)")]
    private partial void LogListening(IPEndPoint endpoint);

    [LoggerMessage(Level = LogLevel.Debug, Message = "DNS port {Port} was taken on TCP; trying another")]
    private partial void LogPortRace(int port);

    [LoggerMessage(Level = LogLevel.Debug, Message = "DNS {Client} {Protocol} {Question}: {ReturnCode}, {Answers} answers")]
    private partial void LogQuery(IPEndPoint client, TransportProtocol protocol, IReadOnlyList<DnsQuestion> question, ReturnCode returnCode, int answers);

    [LoggerMessage(Level = LogLevel.Debug, Message = "DNS message dropped")]
    private partial void LogDropped(Exception exception);
}
