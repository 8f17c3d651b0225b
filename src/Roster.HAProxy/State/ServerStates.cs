using System.Globalization;
using Roster.HAProxy.Live;

namespace Roster.HAProxy.State;

/// <summary>Reads HAProxy's view of one backend's servers from its Runtime API socket.</summary>
public static class ServerStates
{
    /// <summary>The servers of <paramref name="backend"/>, in HAProxy's order; unresolved DNS slots (no address) are left out.</summary>
    public static async Task<IReadOnlyList<LbServerState>> ReadAsync(string adminSocket, string backend, CancellationToken cancellationToken) =>
        Parse(await UnixSocketCommand.SendAsync(adminSocket, "show stat", cancellationToken), backend);

    /// <summary>The servers of <paramref name="backend"/> in the text of <c>show stat</c>.</summary>
    internal static IReadOnlyList<LbServerState> Parse(string showStat, string backend)
    {
        var table = StatTable.Parse(showStat, ',');
        var servers = new List<LbServerState>();
        foreach (var row in table.Rows)
        {
            var name = table[row, "svname"];
            if (table[row, "pxname"] != backend || name is "BACKEND" or "FRONTEND" || !TrySplit(table[row, "addr"], out var address, out var port))
            {
                continue;
            }

            var status = table[row, "status"];
            servers.Add(new LbServerState(
                name, null, address, port, status, Admin(status), int.TryParse(table[row, "scur"], CultureInfo.InvariantCulture, out var scur) ? scur : 0));
        }

        return servers;
    }

    // show stat folds the admin state into the status column; the controller only ever sets drain or maint.
    private static string Admin(string status) =>
        status.StartsWith("MAINT", StringComparison.Ordinal) ? "MAINT" : status.StartsWith("DRAIN", StringComparison.Ordinal) ? "DRAIN" : "READY";

    // "127.0.0.1:20001", "[::1]:20001"; a server-template slot with no address yet shows 0.0.0.0 or nothing.
    private static bool TrySplit(string text, out string address, out int port)
    {
        address = "";
        port = 0;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), CultureInfo.InvariantCulture, out port) || port == 0)
        {
            return false;
        }

        address = text[..colon].Trim('[', ']');
        return address is not ("0.0.0.0" or "::");
    }
}
