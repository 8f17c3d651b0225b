using System.CommandLine;
using Roster.Cli.CommandLine;
using Roster.Services.BasicWeb;
using Roster.Services.Data;
using Roster.Services.Www;
using Roster.Services.Hosting;

namespace Roster.Cli.Service;

/// <summary><c>roster service NAME PORT</c>: runs one of the seed's services in the foreground.</summary>
internal static class ServiceCommand
{
    public static Command Create() => new("service", "Run one of the demo services in the foreground")
    {
        Create(BasicWebService.Definition, "Answers GET / with {\"data\":null,\"pid\":PID}", registered: false),
        Create(DataService.Definition, "Answers GET / with {\"data\":N,\"data_pid\":PID}; registers as service data", registered: true),
        Create(WwwService.Definition, "Answers GET / with a random data instance's reply and its own pid; registers as www", registered: true),
    };

    private static Command Create(ServiceDefinition service, string description, bool registered)
    {
        var port = Arguments.Port("Port to listen on; 0 picks a free one and prints it");
        var bind = Arguments.Bind("Address to listen on");
        var consul = Arguments.Consul();
        var advertise = new Option<string>("--advertise") { Description = "Address to register for others to reach this service", HelpName = "HOST", DefaultValueFactory = _ => "127.0.0.1" };
        var command = new Command(service.Name, description) { port, bind };
        if (registered)
        {
            command.Options.Add(consul);
            command.Options.Add(advertise);
        }

        command.SetAction((parsed, cancellationToken) => RunAsync(
            service,
            new ServiceHostOptions(parsed.GetRequiredValue(bind), parsed.GetValue(port))
            {
                Consul = parsed.GetValue(consul),
                Advertise = parsed.GetValue(advertise) ?? "127.0.0.1",
            },
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ServiceDefinition service, ServiceHostOptions options, CancellationToken cancellationToken)
    {
        await using var host = ServiceHost.Create(service, options);
        try
        {
            var url = await host.StartAsync(cancellationToken);
            // The one line scripts and tests wait for: it carries the port actually bound.
            Console.WriteLine($"{service.Name} listening on {url} (pid {Environment.ProcessId})");
        }
        catch (PortInUseException e)
        {
            await Console.Error.WriteLineAsync($"roster: {e.Message}");
            return ExitCodes.Usage;
        }

        await host.WaitForShutdownAsync(cancellationToken);
        return ExitCodes.Ok;
    }
}
