using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Roster.Protocol.Agent;
using Roster.Protocol.Health;

namespace Roster.Client.Registration;

/// <summary>
/// Registers this process with the agent once the server listens, passes its TTL check every TTL/3, registers again when the agent
/// forgot it (a restart: noticed at once through a held read of the instance, or at the next heartbeat), and deregisters
/// when the host starts stopping.
/// </summary>
/// <remarks>
/// The checks carry explicit IDs, <c>service:ID:ttl</c> and <c>service:ID:http</c>, rather than Consul's positional
/// <c>service:ID:1</c>/<c>:2</c>, so the heartbeat names its check whether or not the HTTP check is configured.
/// </remarks>
internal sealed partial class ServiceRegistrar : IHostedLifecycleService, IDisposable
{
    private readonly ConsulClient _consul;
    private readonly ServiceRegistrationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IServer? _server;
    private readonly string _instance = Guid.NewGuid().ToString("D");
    private readonly CancellationTokenSource _stopping = new();
    private ServiceDefinition? _definition;
    private bool _registered;
    private Task _heartbeat = Task.CompletedTask;
    private Task _presence = Task.CompletedTask;

    public ServiceRegistrar(
        ConsulClient consul, ServiceRegistrationOptions options, TimeProvider time, ILogger<ServiceRegistrar> logger, IServer? server = null)
    {
        _consul = consul;
        _options = options;
        _time = time;
        _logger = logger;
        _server = server;
    }

    /// <summary>The instance ID, <c>NAME-HOST-PORT-UUID</c>; null until the server has started.</summary>
    public string? ServiceId => _definition?.Id;

    // A process's first HTTP request costs tens of milliseconds of JIT and connection set-up. Making it here, while the
    // server starts on another thread, takes that off the path to registration: a new instance takes traffic sooner.
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _ = WarmUpAsync(cancellationToken);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // StartedAsync runs after every StartAsync, the server's included, so the port it bound (also for port 0) is known here.
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var (scheme, boundPort) = BoundAddress();
        _definition = Define(scheme, _options.Port ?? boundPort);
        if (_definition.Checks?.FirstOrDefault(c => c.Http is not null)?.Http is { } healthUrl)
        {
            // The server's first request is slow (JIT); this one runs alongside the registration, so that callers who
            // learn of the instance a moment later do not pay for it.
            _ = WarmUpServerAsync(new Uri(healthUrl), cancellationToken);
        }

        try
        {
            await RegisterAndPassAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // An agent that is down at start-up must not stop the service; the next tick's pass answers 404 and registers it.
            Log.HeartbeatFailed(_logger, _definition.Id!, e);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // SIGTERM came while registering: whatever the attempt threw (a refused connection as often as a
            // cancellation), the host is stopping, and StoppingAsync deregisters what may have been registered.
            return;
        }

        _heartbeat = HeartbeatAsync(new PeriodicTimer(_options.Ttl / 3, _time), _stopping.Token);
        if (_options.WatchAgent)
        {
            _presence = WatchPresenceAsync(_stopping.Token);
        }
    }

    // StoppingAsync runs before any StopAsync, so the instance leaves the registry while the server still answers, then it drains.
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_heartbeat, _presence);
        if (_definition?.Id is not { } id)
        {
            return;
        }

        try
        {
            await _consul.Agent.DeregisterServiceAsync(id, cancellationToken: cancellationToken);
            Log.Deregistered(_logger, id);
        }
        catch (Exception e)
        {
            Log.DeregistrationFailed(_logger, id, e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _stopping.Dispose();

    private async Task HeartbeatAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        using (timer)
        {
            try
            {
                while (await timer.WaitForNextTickAsync(cancellationToken))
                {
                    await BeatAsync(cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
        }
    }

    private async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _consul.Status.LeaderAsync(cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or ConsulException or OperationCanceledException)
        {
            // Only a warm-up: registration reports an agent that is down.
        }
    }

    private static async Task WarmUpServerAsync(Uri health, CancellationToken cancellationToken)
    {
        try
        {
            using var http = new HttpClient();
            using var response = await http.GetAsync(health, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            // Only a warm-up: the agent's HTTP check is what judges the instance.
        }
    }

    private async Task WatchPresenceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await new AgentPresenceWatch(_consul, _time, _logger).RunAsync(_definition!.Id!, ReregisterAsync, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task ReregisterAsync(CancellationToken cancellationToken)
    {
        await RegisterAndPassAsync(cancellationToken);
        Log.Reregistered(_logger, _definition!.Id!);
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        var id = _definition!.Id!;
        try
        {
            try
            {
                await _consul.Agent.PassTtlAsync(TtlCheckId(id), cancellationToken: cancellationToken);
            }
            catch (ConsulException e) when (AgentForgotUs(e))
            {
                var again = _registered;
                await RegisterAndPassAsync(cancellationToken);
                if (again)
                {
                    Log.Reregistered(_logger, id);
                }
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            Log.HeartbeatFailed(_logger, id, e);
        }
    }

    private async Task RegisterAndPassAsync(CancellationToken cancellationToken)
    {
        var definition = _definition!;
        await _consul.Agent.RegisterServiceAsync(definition, cancellationToken: cancellationToken);
        if (!_registered)
        {
            _registered = true;
            Log.Registered(_logger, definition.Id!, definition.Name!, definition.Address!, definition.Port);
        }

        await _consul.Agent.PassTtlAsync(TtlCheckId(definition.Id!), cancellationToken: cancellationToken);
    }

    // Consul 1.11+ answers an unknown check with 404; older agents with 500 "does not have associated TTL" (consul-api.md §1.8).
    private static bool AgentForgotUs(ConsulException e) =>
        e.StatusCode == HttpStatusCode.NotFound
        || (e.StatusCode == HttpStatusCode.InternalServerError && e.Body.Contains("does not have associated TTL", StringComparison.Ordinal));

    private ServiceDefinition Define(string scheme, int port)
    {
        var id = $"{_options.Name}-{_options.Address}-{port}-{_instance}";
        List<CheckType> checks =
        [
            new CheckType
            {
                CheckId = TtlCheckId(id),
                Name = $"Service '{_options.Name}' TTL",
                Ttl = _options.Ttl,
                DeregisterCriticalServiceAfter = _options.DeregisterCriticalServiceAfter,
                Status = CheckStatus.Passing,
            },
        ];
        if (_options.HealthPath is { } path)
        {
            checks.Add(new CheckType
            {
                CheckId = HttpCheckId(id),
                Name = $"Service '{_options.Name}' HTTP {path}",
                // UriBuilder brackets an IPv6 address.
                Http = new UriBuilder(scheme, _options.Address, port, path).Uri.AbsoluteUri,
                Interval = _options.HealthInterval,
                // Registration happens once the server listens, so the instance starts out passing rather than waiting up to
                // one interval for the agent's first (staggered) probe: a new instance takes traffic as soon as it is registered.
                Status = CheckStatus.Passing,
            });
        }

        return new ServiceDefinition
        {
            Id = id,
            Name = _options.Name,
            Address = _options.Address,
            Port = port,
            Tags = _options.Tags,
            Meta = _options.Meta,
            Checks = checks,
        };
    }

    private (string Scheme, int Port) BoundAddress()
    {
        var addresses = (_server?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            .Select(BindingAddress.Parse)
            .OrderBy(address => address.Scheme == Uri.UriSchemeHttp ? 0 : 1)
            .ToList();
        if (addresses.Count == 0)
        {
            if (_options.Port is null)
            {
                throw new InvalidOperationException(
                    $"Service {_options.Name}: the host has no server address to advertise; set {nameof(ServiceRegistrationOptions)}.{nameof(ServiceRegistrationOptions.Port)}");
            }

            return (Uri.UriSchemeHttp, 0);
        }

        return (addresses[0].Scheme, addresses[0].Port);
    }

    internal static string TtlCheckId(string serviceId) => $"service:{serviceId}:ttl";

    internal static string HttpCheckId(string serviceId) => $"service:{serviceId}:http";
}
