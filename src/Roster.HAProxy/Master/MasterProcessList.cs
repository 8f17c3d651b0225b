using System.Globalization;
using System.Text.RegularExpressions;

namespace Roster.HAProxy.Master;

/// <summary>
/// The master CLI's <c>show proc</c>: the master (pid, reloads, failed reloads), its current workers and the old ones
/// still finishing their connections after a reload. As HAProxy 2.6.12 prints it:
/// <code>
/// #&lt;PID&gt;          &lt;type&gt;          &lt;reloads&gt;       &lt;uptime&gt;        &lt;version&gt;
/// 25324           master          1 [failed: 0]   0d00h00m03s     2.6.12-1+deb12u4
/// # workers
/// 25476           worker          0               0d00h00m01s     2.6.12-1+deb12u4
/// # old workers
/// 25327           worker          1               0d00h00m03s     2.6.12-1+deb12u4
/// # programs
/// </code>
/// </summary>
internal sealed partial record MasterProcessList(int MasterPid, int Reloads, int FailedReloads, IReadOnlyList<int> Workers, IReadOnlyList<int> OldWorkers)
{
    /// <exception cref="FormatException">The reply lists no master (an error text, or half a reply).</exception>
    public static MasterProcessList Parse(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        int? master = null;
        int reloads = 0, failed = 0;
        var old = false;
        List<int> workers = [], oldWorkers = [];
        foreach (var line in reply.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
            {
                // Section headers; columns are read by position within a line, sections by their title.
                old = line.TrimStart('#').Trim().Equals("old workers", StringComparison.OrdinalIgnoreCase);
                continue;
            }

            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 3 || !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            switch (fields[1])
            {
                case "master":
                    master = pid;
                    reloads = int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;
                    var failure = Failed().Match(line);
                    failed = failure.Success ? int.Parse(failure.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
                    break;
                case "worker":
                    (old ? oldWorkers : workers).Add(pid);
                    break;
            }
        }

        return master is { } masterPid
            ? new MasterProcessList(masterPid, reloads, failed, workers, oldWorkers)
            : throw new FormatException($"'show proc' reply lists no master: {reply.Trim()}");
    }

    /// <summary>Whether <paramref name="pid"/> is still one of the master's processes, current or old.</summary>
    public bool Lists(int pid) => Workers.Contains(pid) || OldWorkers.Contains(pid);

    [GeneratedRegex(@"\[failed:\s*(\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex Failed();
}
