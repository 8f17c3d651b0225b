using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Roster.HAProxy.Servers;

namespace Roster.HAProxy.Config;

/// <summary>The settings of the haproxy.cfg that <c>roster lb</c> writes; the servers come separately.</summary>
internal sealed record LbConfig
{
    public const string DefaultBackendName = "www";

    /// <summary>Balance algorithms that take dynamic servers (static-rr and map-based hashing refuse <c>add server</c>).</summary>
    public static IReadOnlyList<string> DynamicBalances { get; } = ["roundrobin", "leastconn", "first", "random"];

    /// <summary>Where the frontend listens (the seed's <c>127.0.0.1:8000</c>).</summary>
    public required IPEndPoint Bind { get; init; }

    /// <summary>The backend's name, which Runtime API commands address (<c>add server www/NAME</c>).</summary>
    public string BackendName { get; init; } = DefaultBackendName;

    /// <summary>The Runtime API socket (<c>stats socket … level admin</c>); absolute.</summary>
    public required string AdminSocketPath { get; init; }

    /// <summary>Where <c>show servers state</c> is dumped before a reload and read back by the new process; absolute.</summary>
    public required string ServerStatePath { get; init; }

    /// <summary>Health check interval (<c>inter</c>), whole milliseconds.</summary>
    public TimeSpan CheckInter { get; init; } = TimeSpan.FromMilliseconds(500);

    public string Balance { get; init; } = "roundrobin";

    /// <summary>
    /// DNS mode: HAProxy fills the backend itself from the agent's SRV records (<c>server-template</c> + <c>resolvers</c>);
    /// null for the Runtime API and reload modes.
    /// </summary>
    public DnsBackend? Dns { get; init; }

    /// <summary>The config for one run directory; the backend is named after the service.</summary>
    public static LbConfig For(string runDirectory, IPEndPoint bind, string serviceName = DefaultBackendName)
    {
        ArgumentException.ThrowIfNullOrEmpty(runDirectory);
        return new LbConfig
        {
            Bind = bind,
            BackendName = HAProxyName.From(serviceName),
            AdminSocketPath = Path.Combine(runDirectory, "admin.sock"),
            ServerStatePath = Path.Combine(runDirectory, "server-state"),
        };
    }

    /// <summary>Every reason this config cannot be rendered; empty when it can.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Bind.Port is < 1 or > IPEndPoint.MaxPort)
        {
            problems.Add("the bind port must be between 1 and 65535");
        }

        // ScopeId throws for IPv4, hence the family first; HAProxy 2.6 cannot parse a scoped address.
        if (Bind.Address.AddressFamily == AddressFamily.InterNetworkV6 && Bind.Address.ScopeId != 0)
        {
            problems.Add("the bind address cannot carry an IPv6 scope ID");
        }
        else if (Bind.Address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            problems.Add("the bind address must be IPv4 or IPv6");
        }

        if (!HAProxyName.IsValid(BackendName))
        {
            problems.Add("the backend name may hold only ASCII letters, digits and _ - . :");
        }

        CheckPath(problems, "admin socket", AdminSocketPath);
        // sun_path is 108 bytes with its terminating NUL; HAProxy refuses a longer socket path.
        if (Encoding.UTF8.GetByteCount(AdminSocketPath) > 107)
        {
            problems.Add("the admin socket path is longer than a Unix socket path can be (107 bytes)");
        }

        CheckPath(problems, "server-state file", ServerStatePath);
        if (CheckInter < TimeSpan.FromMilliseconds(1) || CheckInter.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            problems.Add("the check interval must be a positive whole number of milliseconds");
        }

        if (!DynamicBalances.Contains(Balance, StringComparer.Ordinal))
        {
            problems.Add($"balance must be one of {string.Join(", ", DynamicBalances)}: the others refuse dynamic servers");
        }

        return problems;
    }

    /// <summary>Throws with every problem at once, so a bad flag is reported at start-up, not by HAProxy later.</summary>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("invalid HAProxy settings: " + string.Join("; ", problems));
        }
    }

    private static void CheckPath(List<string> problems, string what, string path)
    {
        // The paths go into the config as bare words (a run directory comes from --run-dir).
        if (!Path.IsPathFullyQualified(path))
        {
            problems.Add($"the {what} path must be absolute");
        }

        var reason = ConfigText.FindUnsafe(path);
        if (reason is not null)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"the {what} path contains {reason}"));
        }
    }
}
