using System.Globalization;
using System.Text.RegularExpressions;

namespace Roster.Bench.Wrk;

/// <summary>What one wrk run reported: throughput, latency percentiles and every kind of error it counted.</summary>
internal sealed partial record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long NonSuccess, SocketErrors Socket)
{
    /// <summary>Every error wrk counted: answers of 400 and above, and every socket error, slow replies included.</summary>
    public long Errors => NonSuccess + Socket.Total;

    /// <summary>The requests that failed: answers of 400 and above, refused or broken connections (not slow replies).</summary>
    public long Failed => NonSuccess + Socket.Failed;

    /// <summary>Parses wrk 4's report as printed with <c>--latency</c>.</summary>
    public static WrkResult Parse(string report)
    {
        // wrk prints "Socket errors: connect N, read N, write N, timeout N" only when one of them is not zero.
        var socket = SocketErrorsLine().Match(report);
        long Part(string name) => socket.Success ? long.Parse(socket.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        return new WrkResult(
            Number(RequestsPerSecondLine(), report),
            Duration(report, "50%"),
            Duration(report, "99%"),
            (long)Number(TotalRequests(), report),
            (long)Number(NonSuccessLine(), report, fallback: 0),
            new SocketErrors(Part("connect"), Part("read"), Part("write"), Part("timeout")));
    }

    private static double Number(Regex pattern, string report, double? fallback = null)
    {
        var match = pattern.Match(report);
        return match.Success ? double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture)
            : fallback ?? throw new FormatException($"wrk report has no '{pattern}':\n{report}");
    }

    private static double Duration(string report, string percentile)
    {
        var match = Regex.Match(report, $@"^\s*{Regex.Escape(percentile)}\s+(?<n>[\d.]+)(?<unit>us|ms|s|m)\s*$", RegexOptions.Multiline);
        if (!match.Success)
        {
            throw new FormatException($"wrk report has no {percentile} latency (was --latency given?):\n{report}");
        }

        var value = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        return match.Groups["unit"].Value switch
        {
            "us" => value / 1000,
            "ms" => value,
            "s" => value * 1000,
            _ => value * 60_000,
        };
    }

    [GeneratedRegex(@"Requests/sec:\s+(?<n>[\d.]+)")]
    private static partial Regex RequestsPerSecondLine();

    [GeneratedRegex(@"(?<n>\d+) requests in")]
    private static partial Regex TotalRequests();

    [GeneratedRegex(@"Socket errors: connect (?<connect>\d+), read (?<read>\d+), write (?<write>\d+), timeout (?<timeout>\d+)")]
    private static partial Regex SocketErrorsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (?<n>\d+)")]
    private static partial Regex NonSuccessLine();
}
