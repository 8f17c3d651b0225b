using System.CommandLine;
using System.Runtime.InteropServices;
using Roster.Cli.CommandLine;

namespace Roster.Cli.Up;

/// <summary><c>roster up</c>: the whole system on one machine, in the foreground, until Ctrl+C.</summary>
internal static class UpCommand
{
    public static Command Create()
    {
        var www = Arguments.Count("--www", "How many www instances to start", 2, ScaleKey.MaxCount);
        var data = Arguments.Count("--data", "How many data instances to start", 2, ScaleKey.MaxCount);
        var consul = Arguments.Consul();
        consul.Description = "Use this Consul-compatible registry instead of starting the embedded agent";
        var bind = Arguments.Endpoint("--bind", "-bind", "Where HAProxy's frontend listens", "127.0.0.1:8000");
        var httpAddress = Arguments.Endpoint("--http-addr", "-http-addr", "The embedded agent's HTTP API and dashboard", "127.0.0.1:8500");
        var dnsAddress = Arguments.Endpoint("--dns-addr", "-dns-addr", "The embedded agent's DNS interface", "127.0.0.1:8600");
        var runDirectory = new Option<string?>("--run-dir")
        {
            Description = "Where the logs and HAProxy's files go (default: a fresh directory under the temp dir)",
            HelpName = "DIR",
        };
        var command = new Command("up", "Run the whole system: the agent, HAProxy, and data and www instances; Ctrl+C stops it all")
        {
            www, data, consul, bind, httpAddress, dnsAddress, runDirectory,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            new UpOptions
            {
                Www = parsed.GetValue(www),
                Data = parsed.GetValue(data),
                // Only an explicit --consul leaves the embedded agent out; CONSUL_HTTP_TOKEN still applies to it.
                Consul = parsed.GetValue(consul),
                Bind = parsed.GetRequiredValue(bind),
                HttpAddress = parsed.GetRequiredValue(httpAddress),
                DnsAddress = parsed.GetRequiredValue(dnsAddress),
                RunDirectory = Path.GetFullPath(parsed.GetValue(runDirectory) ?? Directory.CreateTempSubdirectory("roster-up-").FullName),
            },
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(UpOptions options, CancellationToken cancellationToken)
    {
        var console = new UpConsole(Console.Out, TimeProvider.System);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        try
        {
            await new UpSupervisor(options, http, console, TimeProvider.System).RunAsync(stop.Token);
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            console.Line("stopped");
            return ExitCodes.Ok;
        }
        catch (ChildFailedException e)
        {
            await Console.Error.WriteLineAsync($"roster: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (HttpRequestException e)
        {
            await Console.Error.WriteLineAsync($"roster: the registry did not answer: {e.Message}");
            return ExitCodes.Failure;
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            if (!stop.IsCancellationRequested)
            {
                console.Line("stopping: services first, then HAProxy, then the agent");
            }

            stop.Cancel();
        }
    }
}
