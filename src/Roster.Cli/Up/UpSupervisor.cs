using System.Net;
using Roster.Client;
using Roster.Client.Watch;

namespace Roster.Cli.Up;

/// <summary>
/// <c>roster up</c>: the agent, then HAProxy through <c>roster lb</c>, then the services, each a child process; on
/// stop the reverse order, so every service deregisters and drains while the load balancer and the registry still run.
/// </summary>
internal sealed class UpSupervisor(UpOptions options, HttpClient http, UpConsole console, TimeProvider time)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var logs = Path.Combine(options.RunDirectory, "logs");
        Directory.CreateDirectory(logs);
        await using var agent = options.Consul is null
            ? new SupervisedChild(
                "agent", ["agent", "-dev", "-http-addr", options.HttpAddress.ToString(), "-dns-addr", options.DnsAddress.ToString()],
                "agent listening on", logs, console, time)
            : null;
        SupervisedChild? lb = null;
        using var stopFleet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var fleetRunning = Task.CompletedTask;
        try
        {
            var registry = options.Consul;
            var dns = (IPEndPoint?)null;
            if (agent is not null)
            {
                // Port 0 is allowed: the agent's ready line says which ports it got.
                var (agentUrl, agentDns) = AgentReadyLine.Parse(await agent.StartAsync(cancellationToken));
                registry = ConsulClientOptions.FromEnvironment() with { Address = agentUrl };
                dns = agentDns;
            }

            registry ??= ConsulClientOptions.FromEnvironment();
            string[] consulArguments = ["--consul", registry.Address.ToString()];
            lb = new SupervisedChild(
                "lb", ["lb", .. consulArguments, "--bind", options.Bind.ToString(), "--service", "www", "--run-dir", Path.Combine(options.RunDirectory, "lb")],
                "lb listening on", logs, console, time);
            var fleet = new ServiceFleet(consulArguments, logs, console, time);
            var consul = new ConsulClient(http, registry);
            // The counts asked for on this command line win over whatever an earlier run left in the registry.
            await consul.Kv.PutAsync(ScaleKey.For("data"), ScaleKey.Encode(options.Data), cancellationToken: cancellationToken);
            await consul.Kv.PutAsync(ScaleKey.For("www"), ScaleKey.Encode(options.Www), cancellationToken: cancellationToken);
            // The services need only the registry: they start while HAProxy does, and HAProxy picks them up when it serves.
            fleetRunning = fleet.RunAsync(stopFleet.Token);
            var watch = new ConsulWatch(time);
            var scaling = new ScaleWatch(consul, watch, fleet, console).RunAsync(stopFleet.Token);
            await lb.StartAsync(cancellationToken);
            var following = Task.WhenAll(
                scaling,
                new RegistryLog(consul, watch, console).RunAsync(ServiceFleet.Services, stopFleet.Token));
            console.Block(Banner(registry, dns));
            await following;
        }
        finally
        {
            await stopFleet.CancelAsync();
            await fleetRunning;
            if (lb is not null)
            {
                await lb.DisposeAsync();
            }

            if (agent is not null)
            {
                await agent.StopAsync();
            }
        }
    }

    private IEnumerable<string> Banner(ConsulClientOptions registry, IPEndPoint? dns)
    {
        yield return "";
        yield return $"roster up: {options.Www} www and {options.Data} data behind HAProxy";
        yield return $"  service    http://{options.Bind}/";
        yield return $"  stats      http://{options.Bind}/admin?stats";
        if (options.Consul is null)
        {
            yield return $"  dashboard  {new Uri(registry.Address, "/ui/")}";
            yield return $"  registry   {registry.Address} (DNS {dns})";
        }
        else
        {
            yield return $"  registry   {registry.Address}";
        }

        yield return $"  logs       {Path.Combine(options.RunDirectory, "logs")}";
        yield return "  scale with 'roster scale www=4 data=1', look with 'roster status', stop with Ctrl+C";
        yield return "";
    }
}
