using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Roster.HAProxy.Servers;

/// <summary>Which registry addresses can become an HAProxy server address.</summary>
internal static partial class ServerAddress
{
    /// <summary>Parses a literal IP address strictly; <paramref name="reason"/> says why not otherwise.</summary>
    /// <remarks>
    /// Only an IP will do: <c>add server</c> registers a hostname but leaves it with no address (no DNS at runtime).
    /// <see cref="IPAddress.TryParse(string, out IPAddress)"/> also takes <c>127.1</c> and <c>2130706433</c>; those are
    /// refused, since a registry entry written that way is more likely a mistake than an address.
    /// </remarks>
    public static bool TryParse(string text, out IPAddress? address, out string reason)
    {
        address = null;
        var looksLikeIp = DottedQuad().IsMatch(text) || (text.Contains(':', StringComparison.Ordinal) && !text.Contains('%', StringComparison.Ordinal));
        if (!looksLikeIp || !IPAddress.TryParse(text, out var parsed))
        {
            reason = "the address is not an IP address (HAProxy's add server would leave a hostname without an address)";
            return false;
        }

        if (!IsUsable(parsed, out reason))
        {
            return false;
        }

        address = parsed;
        return true;
    }

    /// <summary>Whether HAProxy can send traffic to <paramref name="address"/> as a plain server address.</summary>
    public static bool IsUsable(IPAddress address, out string reason)
    {
        if (address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            reason = "the address is neither IPv4 nor IPv6";
            return false;
        }

        // HAProxy reads 0.0.0.0 / :: as "the destination the client connected to", not as a backend.
        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            reason = "the address is unspecified (0.0.0.0 or ::)";
            return false;
        }

        // HAProxy 2.6 cannot parse a scope ("fe80::1%eth0"): 'could not resolve address'.
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0)
        {
            reason = "the IPv6 address has a scope ID, which HAProxy cannot parse";
            return false;
        }

        reason = "";
        return true;
    }

    [GeneratedRegex(@"\A[0-9]{1,3}(\.[0-9]{1,3}){3}\z", RegexOptions.CultureInvariant)]
    private static partial Regex DottedQuad();
}
