using System.Globalization;

namespace Roster.HAProxy.Tests.Master;

/// <summary>
/// A small config in the shape roster renders (haproxy.md's recommendation): admin socket in the run dir, one frontend
/// on a free loopback port stamping <c>X-Gen</c> so a test sees which config answered, one backend with checked servers.
/// </summary>
internal static class TestHAProxyConfig
{
    public const string Backend = "be";

    public static string ServerOptions => "check inter 500 fall 2 rise 1 observe layer4 error-limit 1 on-error mark-down pool-max-conn -1 pool-purge-delay 5s";

    public static string Render(string runDirectory, int frontendPort, int generation, params int[] serverPorts)
    {
        var servers = string.Concat(serverPorts.Select((port, i) =>
            string.Create(CultureInfo.InvariantCulture, $"    server s{i + 1} 127.0.0.1:{port} {ServerOptions}\n")));
        return string.Create(CultureInfo.InvariantCulture, $"""
            global
                stats socket {runDirectory}/admin.sock mode 600 level admin
                stats timeout 30s
                hard-stop-after 10s

            defaults
                mode http
                timeout connect 200ms
                timeout client 30s
                timeout server 30s
                timeout http-keep-alive 10s
                retries 3
                option redispatch 1
                retry-on conn-failure empty-response response-timeout

            frontend fe
                bind 127.0.0.1:{frontendPort}
                http-request disable-l7-retry unless METH_GET
                http-response set-header X-Gen {generation}
                default_backend {Backend}

            backend {Backend}
                balance roundrobin
                option httpchk GET /health
                http-check expect status 200

            """) + servers;
    }
}
