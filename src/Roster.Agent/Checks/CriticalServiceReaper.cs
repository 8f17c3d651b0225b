using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Roster.Agent.Catalog;
using Roster.Agent.Hosting;
using Roster.Protocol.Health;

namespace Roster.Agent.Checks;

/// <summary>
/// Consul's DeregisterCriticalServiceAfter: every reap interval (30 s), a service with a check that has been critical
/// for longer than its limit (at least 1 minute) is deregistered with all its checks.
/// </summary>
internal sealed partial class CriticalServiceReaper(CatalogStore catalog, TimeProvider time, AgentOptions options, ILogger<CriticalServiceReaper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.ReapInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                ReapOnce();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Deregisters every service whose critical time has run out; returns their IDs.</summary>
    public IReadOnlyList<string> ReapOnce()
    {
        var now = time.GetUtcNow();
        var expired = catalog.Current.Checks.Values
            .Where(c => c.ServiceId.Length > 0 && c.Status == CheckStatus.Critical && c.CriticalSince is { } since &&
                        c.Spec.DeregisterCriticalServiceAfter is { } limit &&
                        now - since > (limit > options.MinDeregisterCriticalAfter ? limit : options.MinDeregisterCriticalAfter))
            .Select(c => c.ServiceId)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var serviceId in expired.Where(catalog.DeregisterService))
        {
            LogReaped(serviceId);
        }

        return expired;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deregistered service {ServiceId}: a check stayed critical past its DeregisterCriticalServiceAfter")]
    private partial void LogReaped(string serviceId);
}
