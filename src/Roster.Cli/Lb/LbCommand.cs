using System.CommandLine;
using System.Net;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Roster.Cli.CommandLine;
using Roster.Client;
using Roster.HAProxy.Controller;

namespace Roster.Cli.Lb;

/// <summary><c>roster lb</c>: the real HAProxy in front of a registry service, following it with no failed request.</summary>
internal static class LbCommand
{
    public static Command Create()
    {
        var consul = Arguments.Consul();
        var bind = Arguments.Endpoint("--bind", "-bind", "Where HAProxy's frontend listens", "127.0.0.1:8000");
        var service = new Option<string>("--service") { Description = "The registry service to balance", DefaultValueFactory = _ => "www", HelpName = "NAME" };
        var mode = new Option<LbMode>("--mode")
        {
            Description = "runtime: instances added and drained live through HAProxy's Runtime API (no reload); reload: validated reload per change",
            DefaultValueFactory = _ => LbMode.Runtime,
            HelpName = "runtime|reload|dns",
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (Enum.TryParse<LbMode>(text, ignoreCase: true, out var parsed) && !int.TryParse(text, out _))
                {
                    return parsed;
                }

                result.AddError($"invalid mode '{text}': expected runtime, reload or dns");
                return LbMode.Runtime;
            },
        };
        var runDirectory = new Option<string?>("--run-dir")
        {
            Description = "Where haproxy.cfg and HAProxy's sockets live (default: a fresh directory under the temp dir)",
            HelpName = "DIR",
        };
        var dns = Arguments.Endpoint("--dns", "-dns", "The agent's DNS interface, for --mode dns", "127.0.0.1:8600");
        var template = new Option<string?>("--template", "-template")
        {
            Description = "Render HAProxy's config from this consul-template template (reload mode); SIGHUP re-reads it",
            HelpName = "FILE",
        };
        var logLevel = Arguments.LogLevel();
        var command = new Command("lb", "Run HAProxy in front of a registry service, following its instances")
        {
            consul, bind, service, mode, dns, template, runDirectory, logLevel,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            new LbOptions
            {
                Bind = parsed.GetRequiredValue(bind),
                Service = parsed.GetRequiredValue(service),
                // A template renders whole configs: only reloads can apply them.
                Mode = parsed.GetValue(template) is null ? parsed.GetValue(mode) : LbMode.Reload,
                Template = parsed.GetValue(template),
                Dns = parsed.GetRequiredValue(dns),
                RunDirectory = parsed.GetValue(runDirectory) ?? Directory.CreateTempSubdirectory("roster-lb-").FullName,
            },
            parsed.GetValue(consul) ?? ConsulClientOptions.FromEnvironment(),
            parsed.GetValue(logLevel),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(LbOptions options, ConsulClientOptions consul, LogLevel logLevel, CancellationToken cancellationToken)
    {
        using var loggers = LoggerFactory.Create(logging => logging.SetMinimumLevel(logLevel).AddSimpleConsole(console => console.SingleLine = true));
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        try
        {
            await LoadBalancer.RunAsync(options, new ConsulClient(http, consul), loggers, pid =>
                Console.WriteLine($"lb listening on http://{options.Bind}/ (haproxy pid {pid}, {options.Mode.ToString().ToLowerInvariant()} mode, " +
                    $"stats http://{options.Bind}/admin?stats, run dir {options.RunDirectory})"), stop.Token);
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
