using System.CommandLine;
using System.Text.Json;
using Roster.Cli.CommandLine;
using Roster.Client;

namespace Roster.Cli.Status;

/// <summary><c>roster status [--json]</c>: services, instances, health, and each HAProxy's view of its servers.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var consul = Arguments.Consul();
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table" };
        var command = new Command("status", "Show services, instances, health and HAProxy's server states") { consul, json };
        command.SetAction((parsed, cancellationToken) =>
            RunAsync(parsed.GetValue(consul) ?? ConsulClientOptions.FromEnvironment(), parsed.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ConsulClientOptions registry, bool json, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        StatusReport report;
        try
        {
            report = await new StatusCollector(new ConsulClient(http, registry)).CollectAsync(cancellationToken);
        }
        catch (HttpRequestException e)
        {
            await Console.Error.WriteLineAsync($"roster: no registry answered at {registry.Address} ({e.Message}); is 'roster up' running?");
            return ExitCodes.Failure;
        }

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(report, StatusJson.Default.StatusReport));
        }
        else
        {
            var color = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null or "";
            StatusText.Write(report, Console.Out, color);
        }

        return ExitCodes.Ok;
    }
}
