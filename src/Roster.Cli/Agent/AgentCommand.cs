using System.CommandLine;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Roster.Agent.Hosting;
using Roster.Cli.CommandLine;

namespace Roster.Cli.Agent;

/// <summary><c>roster agent</c>: the embedded single-node Consul-compatible agent, in the foreground.</summary>
internal static class AgentCommand
{
    public static Command Create()
    {
        // Consul's own flags, with its single-dash spelling as the main name.
        var dev = new Option<bool>("-dev", "--dev") { Description = "Development mode (the default: state in memory unless -data-dir is given)" };
        var httpAddress = Arguments.Endpoint("-http-addr", "--http-addr", "Address of the HTTP API", "127.0.0.1:8500");
        var dnsAddress = Arguments.Endpoint("-dns-addr", "--dns-addr", "Address of the DNS interface (UDP and TCP)", "127.0.0.1:8600");
        var node = new Option<string>("-node", "--node") { Description = "Node name", DefaultValueFactory = _ => Environment.MachineName, HelpName = "NAME" };
        var datacenter = new Option<string>("-datacenter", "--datacenter") { Description = "Datacenter name", DefaultValueFactory = _ => "dc1", HelpName = "DC" };
        var dataDir = new Option<string?>("-data-dir", "--data-dir") { Description = "Persist services, checks and KV here", HelpName = "DIR" };
        var aclToken = new Option<string?>("-acl-token", "--acl-token") { Description = "Require this token on every request", HelpName = "TOKEN" };
        var legacyVerbs = new Option<bool>("-legacy-verbs", "--legacy-verbs") { Description = "Also accept GET on agent write endpoints, as Consul < 1.0 did" };
        var logLevel = Arguments.LogLevel();
        var command = new Command("agent", "Run the embedded Consul-compatible agent (HTTP API on 127.0.0.1:8500, DNS on 127.0.0.1:8600)")
        {
            dev, httpAddress, dnsAddress, node, datacenter, dataDir, aclToken, legacyVerbs, logLevel,
        };
        command.SetAction((parsed, cancellationToken) =>
        {
            var options = new AgentOptions
            {
                HttpAddress = parsed.GetRequiredValue(httpAddress),
                DnsAddress = parsed.GetRequiredValue(dnsAddress),
                NodeName = parsed.GetRequiredValue(node),
                Datacenter = parsed.GetRequiredValue(datacenter),
                DataDirectory = parsed.GetValue(dataDir),
                AclToken = parsed.GetValue(aclToken),
                LegacyVerbs = parsed.GetValue(legacyVerbs),
            };
            return RunAsync(options, parsed.GetValue(logLevel), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(AgentOptions options, LogLevel logLevel, CancellationToken cancellationToken)
    {
        await using var host = AgentHost.Create(options, logging: logging => logging.SetMinimumLevel(logLevel));
        try
        {
            var url = await host.StartAsync(cancellationToken);
            var dns = host.DnsEndpoint is { } endpoint ? $"dns {endpoint}, " : "";
            Console.WriteLine($"agent listening on {url} ({dns}node {options.NodeName}, datacenter {options.Datacenter}, pid {Environment.ProcessId})");
        }
        catch (IOException e) when (e.InnerException is AddressInUseException or SocketException)
        {
            await Console.Error.WriteLineAsync($"roster: port {options.HttpAddress.Port} is already in use on {options.HttpAddress.Address}");
            return ExitCodes.Usage;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse && options.DnsAddress is { } dns)
        {
            // Kestrel wraps its bind failures in IOException; a bare SocketException comes from the DNS interface.
            await Console.Error.WriteLineAsync($"roster: port {dns.Port} is already in use on {dns.Address}");
            return ExitCodes.Usage;
        }

        await host.WaitForShutdownAsync(cancellationToken);
        return ExitCodes.Ok;
    }
}
