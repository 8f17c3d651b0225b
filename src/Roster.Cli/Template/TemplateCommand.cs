using System.CommandLine;
using System.CommandLine.Parsing;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Roster.Cli.CommandLine;
using Roster.Client;
using Roster.Templating.Runner;

namespace Roster.Cli.Template;

/// <summary>
/// <c>roster template</c>: consul-template's renderer with its flags (single-dash spelling first), its template syntax and
/// its exit codes: 0 done, 12 stopped by SIGINT/SIGTERM, 14 a template that cannot be read or parsed. SIGHUP re-reads the templates.
/// </summary>
internal static class TemplateCommand
{
    public static Command Create()
    {
        var templates = new Option<TemplateSpec[]>("-template", "--template")
        {
            Description = "SOURCE[:DESTINATION[:COMMAND]]; repeatable. COMMAND runs (through sh -c) after DESTINATION changes",
            HelpName = "SPEC",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
            CustomParser = result => [.. result.Tokens.Select(token => Parse(result, token.Value, TemplateSpec.Parse)).OfType<TemplateSpec>()],
        };
        var consulAddress = new Option<Uri?>("-consul-addr", "--consul-addr")
        {
            Description = "Agent address (default: CONSUL_HTTP_ADDR, else 127.0.0.1:8500)",
            HelpName = "HOST:PORT",
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (Uri.TryCreate(text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text, UriKind.Absolute, out var url)
                    && url.Scheme is "http" or "https" && url.Host.Length > 0)
                {
                    return url;
                }

                result.AddError($"invalid agent address '{text}': expected HOST:PORT such as 127.0.0.1:8500");
                return null;
            },
        };
        var wait = new Option<WaitSpec>("-wait", "--wait")
        {
            Description = "MIN[:MAX] quiet period before re-rendering after a change (MAX defaults to 4×MIN)",
            HelpName = "MIN[:MAX]",
            DefaultValueFactory = _ => WaitSpec.None,
            CustomParser = result => Parse(result, result.Tokens.Single().Value, WaitSpec.Parse) ?? WaitSpec.None,
        };
        var once = new Option<bool>("-once", "--once") { Description = "Render every template once, run the commands, exit" };
        var dry = new Option<bool>("-dry", "--dry") { Description = "Print what would be written to stdout; run no command" };
        var logLevel = Arguments.LogLevel();
        var command = new Command("template", "Render consul-template templates from the registry (drop-in for consul-template)")
        {
            templates, consulAddress, wait, once, dry, logLevel,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            new RunnerOptions
            {
                Templates = parsed.GetRequiredValue(templates),
                Wait = parsed.GetRequiredValue(wait),
                Once = parsed.GetValue(once),
                Dry = parsed.GetValue(dry),
            },
            parsed.GetValue(consulAddress),
            parsed.GetValue(logLevel),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(RunnerOptions options, Uri? consulAddress, LogLevel logLevel, CancellationToken cancellationToken)
    {
        var consul = ConsulClientOptions.FromEnvironment();
        if (consulAddress is not null)
        {
            consul = consul with { Address = consulAddress };
        }

        // Logs go to stderr: with -dry, stdout carries the rendered files.
        using var loggers = LoggerFactory.Create(logging => logging
            .SetMinimumLevel(logLevel)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddSimpleConsole(console => console.SingleLine = true));
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var runner = new TemplateRunner(
            options with { CommandEnvironment = CommandEnvironment(consul) }, new ConsulClient(http, consul), loggers);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            runner.Reload();
        });
        return await runner.RunAsync(stop.Token);

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    // consul-template hands its commands the agent it renders from.
    private static Dictionary<string, string> CommandEnvironment(ConsulClientOptions consul)
    {
        var environment = new Dictionary<string, string> { ["CONSUL_HTTP_ADDR"] = consul.Address.GetLeftPart(UriPartial.Authority) };
        if (!string.IsNullOrEmpty(consul.Token))
        {
            environment["CONSUL_HTTP_TOKEN"] = consul.Token;
        }

        return environment;
    }

    private static T? Parse<T>(ArgumentResult result, string text, Func<string, T> parse)
        where T : class
    {
        try
        {
            return parse(text);
        }
        catch (FormatException e)
        {
            result.AddError(e.Message);
            return null;
        }
    }
}
