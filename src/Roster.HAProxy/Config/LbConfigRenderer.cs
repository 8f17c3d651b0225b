using System.Text;
using Roster.HAProxy.Servers;

namespace Roster.HAProxy.Config;

/// <summary>
/// Renders the whole haproxy.cfg for <c>roster lb</c>. Membership changes go through the Runtime API; this text is
/// written alongside so that a restart or reload starts with the same servers, under the same names.
/// </summary>
/// <remarks>
/// The output depends only on its inputs: servers are sorted by name and lines end in <c>\n</c>, so the same
/// membership renders the same bytes and a caller can skip writing (and validating) a file that did not change.
/// The settings follow shared/reference/haproxy.md, where each was measured on HAProxy 2.6.
/// </remarks>
internal static class LbConfigRenderer
{
    public const string FrontendName = "http-in";

    public static string Render(LbConfig config, IReadOnlyList<BackendServer> servers)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(servers);
        config.Validate();
        var duplicate = servers.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"two servers are named '{duplicate.Key}'", nameof(servers));
        }

        var text = new StringBuilder();
        Global(text, config);
        Defaults(text);
        Frontend(text, config);
        if (config.Dns is { } dns)
        {
            Resolvers(text, dns);
            DnsBackendSection(text, config, dns);
        }
        else
        {
            Backend(text, config, servers);
        }

        return text.ToString();
    }

    private static void Global(StringBuilder text, LbConfig config)
    {
        Line(text, "# Written by roster lb, which adds and removes servers through the Runtime API and rewrites this file");
        Line(text, "# to match, so a restart or reload keeps the membership. Edits here are overwritten.");
        Line(text, "global");
        Line(text, "    # Room for the idle backend connection pool; the seed's 64 left none to reuse.");
        Line(text, "    maxconn 4096");
        Line(text, "    # The Runtime API that roster lb drives; expose-fd lets a reloaded process take over the listeners.");
        Line(text, $"    stats socket {config.AdminSocketPath} mode 600 level admin expose-fd listeners");
        Line(text, "    stats timeout 30s");
        Line(text, "    # 'show servers state' is dumped here before a reload, so drain and maint survive it.");
        Line(text, $"    server-state-file {config.ServerStatePath}");
        Line(text, "    # After a reload the old process closes idle keep-alive connections over 2 s rather than at once");
        Line(text, "    # (about 5x fewer failed requests), and gives up on the rest after 30 s.");
        Line(text, "    hard-stop-after 30s");
        Line(text, "    close-spread-time 2s");
        Line(text, "");
    }

    private static void Defaults(StringBuilder text)
    {
        Line(text, "defaults");
        Line(text, "    mode http");
        Line(text, "    # Loopback or LAN: a slower connect has failed. It also caps the delay before a retry.");
        Line(text, "    timeout connect 200ms");
        Line(text, "    timeout client 30s");
        Line(text, "    timeout server 30s");
        Line(text, "    timeout http-keep-alive 10s");
        Line(text, "    # A killed backend must not fail a request: retry connection failures and requests that were in flight");
        Line(text, "    # on it (empty response), on another server.");
        Line(text, "    retries 3");
        Line(text, "    option redispatch 1");
        Line(text, "    retry-on conn-failure empty-response response-timeout");
        Line(text, "    load-server-state-from-file global");
        Line(text, "");
    }

    private static void Frontend(StringBuilder text, LbConfig config)
    {
        Line(text, $"frontend {FrontendName}");
        Line(text, $"    bind {config.Bind}");
        Line(text, "    # L7 retries replay the request; only GET is known to be safe to replay.");
        Line(text, "    http-request disable-l7-retry unless METH_GET");
        Line(text, "    http-request use-service prometheus-exporter if { path /metrics }");
        Line(text, "    stats enable");
        Line(text, "    stats uri /admin?stats");
        Line(text, $"    default_backend {config.BackendName}");
        Line(text, "");
    }

    private static void Backend(StringBuilder text, LbConfig config, IReadOnlyList<BackendServer> servers)
    {
        Line(text, $"backend {config.BackendName}");
        Line(text, "    # Dynamic servers need a dynamic algorithm (not static-rr, not a map-based hash).");
        Line(text, $"    balance {config.Balance}");
        Line(text, "    option httpchk GET /health");
        Line(text, "    http-check expect status 200");
        Line(text, "    # One server per registry instance, named after its ID. Servers added at runtime inherit no");
        Line(text, "    # default-server, so each line carries the same options as the 'add server' that created it.");
        var options = ServerOptions.For(config);
        foreach (var server in servers.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            Line(text, $"    server {server.Name} {server.Endpoint} {options}");
        }
    }

    private static void Resolvers(StringBuilder text, DnsBackend dns)
    {
        Line(text, "# The registry's DNS interface; measured on 2.6: a 200 ms resolve timeout and no hold on obsolete records");
        Line(text, "# bring an instance in or out within a few hundred milliseconds.");
        Line(text, "resolvers registry");
        Line(text, $"    nameserver agent {dns.Nameserver}");
        Line(text, "    accepted_payload_size 8192");
        Line(text, "    resolve_retries 3");
        Line(text, "    timeout resolve 200ms");
        Line(text, "    timeout retry 200ms");
        Line(text, "    hold valid 10s");
        Line(text, "    hold obsolete 0s");
        Line(text, "");
    }

    private static void DnsBackendSection(StringBuilder text, LbConfig config, DnsBackend dns)
    {
        Line(text, $"backend {config.BackendName}");
        Line(text, $"    balance {config.Balance}");
        Line(text, "    option httpchk GET /health");
        Line(text, "    http-check expect status 200");
        Line(text, "    # Every instance here shares 127.0.0.1 (allow-dup-ip); empty slots wait unresolved (init-addr none).");
        Line(text, $"    server-template {config.BackendName} {dns.Slots} {dns.SrvName} resolvers registry resolve-prefer ipv4 " +
            $"resolve-opts allow-dup-ip init-addr none {ServerOptions.For(config)}");
    }

    // '\n' whatever the platform: HAProxy reads either, and a fixed ending keeps the bytes comparable.
    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
