using System.Globalization;
using Roster.Testing.HAProxy;

namespace Roster.Bench.Throughput;

/// <summary>HAProxy's running totals of new and reused backend connections; the difference of two readings covers one run.</summary>
internal sealed record BackendConnections(long Connects, long Reuses)
{
    /// <summary>Reads the stats page of a front that serves it at <c>/admin?stats</c> (basic.cfg and roster lb do).</summary>
    public static async Task<BackendConnections> ReadAsync(HttpClient http, Uri front, string backend)
    {
        ArgumentNullException.ThrowIfNull(http);
        var rows = StatRow.ParseCsv(await http.GetStringAsync(new Uri(front, "admin?stats;csv")));
        var row = rows.Single(r => r.Proxy == backend && r.Name == "BACKEND");
        return new BackendConnections(Parse(row.Fields["connect"]), Parse(row.Fields["reuse"]));
    }

    /// <summary>Reused share of the requests sent between <paramref name="before"/> and this reading.</summary>
    public double ReuseSince(BackendConnections before)
    {
        ArgumentNullException.ThrowIfNull(before);
        var reuses = Reuses - before.Reuses;
        var total = reuses + Connects - before.Connects;
        return total == 0 ? 0 : (double)reuses / total;
    }

    private static long Parse(string field) => field.Length == 0 ? 0 : long.Parse(field, CultureInfo.InvariantCulture);
}
