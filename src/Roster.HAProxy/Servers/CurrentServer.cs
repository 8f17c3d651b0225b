using System.Net;

namespace Roster.HAProxy.Servers;

/// <summary>A server HAProxy has now, as the Runtime API reports it.</summary>
/// <param name="Name">The server name in the backend.</param>
/// <param name="Address">Its IP; null when HAProxy has none (it shows <c>-</c>), which no desired server matches.</param>
/// <param name="Port">Its port.</param>
/// <param name="AdminState">Ready, draining or in maintenance.</param>
internal sealed record CurrentServer(string Name, IPAddress? Address, int Port, ServerAdminState AdminState);
