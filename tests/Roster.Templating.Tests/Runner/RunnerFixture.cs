using System.Net;
using Microsoft.Extensions.Logging;
using Roster.Agent.Hosting;
using Roster.Client;
using Roster.Protocol.Agent;
using Roster.Templating.Runner;

namespace Roster.Templating.Tests.Runner;

/// <summary>A real in-process agent, a temp directory for templates and outputs, and a runner started on demand.</summary>
internal sealed class RunnerFixture : IAsyncDisposable
{
    private readonly AgentHost _agent;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(2) };
    private readonly CancellationTokenSource _stop = new();
    private readonly ILoggerFactory _loggers;

    private RunnerFixture(AgentHost agent, Uri address)
    {
        _agent = agent;
        Consul = new ConsulClient(_http, new ConsulClientOptions { Address = address });
        Directory = System.IO.Directory.CreateTempSubdirectory("roster-template-tests-").FullName;
        _loggers = LoggerFactory.Create(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
    }

    public ConsulClient Consul { get; }

    public string Directory { get; }

    public LogRecorder Logs { get; } = new();

    public TemplateRunner? Runner { get; private set; }

    public Task<int>? Running { get; private set; }

    public static async Task<RunnerFixture> StartAsync()
    {
        var agent = AgentHost.Create(new AgentOptions { HttpAddress = new IPEndPoint(IPAddress.Loopback, 0) });
        var address = await agent.StartAsync();
        return new RunnerFixture(agent, address);
    }

    public string Path(string name) => System.IO.Path.Combine(Directory, name);

    /// <summary>Writes a template source into the temp directory and returns its path.</summary>
    public string Template(string name, string text)
    {
        File.WriteAllText(Path(name), text);
        return Path(name);
    }

    public Task<int> Run(RunnerOptions options, TimeProvider? time = null)
    {
        Runner = new TemplateRunner(options, Consul, _loggers, time);
        Running = Runner.RunAsync(_stop.Token);
        return Running;
    }

    public Task RegisterAsync(string name, string id, int port) =>
        Consul.Agent.RegisterServiceAsync(new ServiceDefinition { Name = name, Id = id, Address = "127.0.0.1", Port = port });

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (Running is not null)
        {
            await Running;
        }

        _loggers.Dispose();
        _http.Dispose();
        await _agent.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
        _stop.Dispose();
    }
}
