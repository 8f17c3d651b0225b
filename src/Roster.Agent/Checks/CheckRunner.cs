using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Roster.Agent.Blocking;
using Roster.Agent.Catalog;
using Roster.Agent.Hosting;

namespace Roster.Agent.Checks;

/// <summary>
/// Keeps a runner per registered check: a timer for each TTL check, a probe loop for each HTTP or TCP check.
/// Woken only when a check is added, removed or redefined, it reconciles the runners with the catalog.
/// </summary>
internal sealed partial class CheckRunner(
    CatalogStore catalog, WatchHub hub, TtlChecks ttl, IEnumerable<ICheckProbe> probes, TimeProvider time, AgentOptions options, ILogger<CheckRunner> logger)
    : BackgroundService
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, (CheckSpec Spec, CancellationTokenSource Stop)> _probing = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var changed = hub.NextChange(CatalogTopics.CheckDefinitions);
                Reconcile(catalog.Current, stoppingToken);
                await changed.WaitAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            foreach (var (_, stop) in _probing.Values)
            {
                await stop.CancelAsync();
                stop.Dispose();
            }

            _probing.Clear();
        }
    }

    private void Reconcile(CatalogSnapshot snapshot, CancellationToken stoppingToken)
    {
        var checks = snapshot.Checks.Values.ToList();
        foreach (var check in checks)
        {
            ttl.Track(check);
        }

        ttl.Forget(ttl.Tracked.Where(id => snapshot.Checks.GetValueOrDefault(id)?.Spec.Ttl is null).ToList());

        var wanted = checks
            .Select(c => (Check: c, Probe: probes.FirstOrDefault(p => p.Handles(c.Spec))))
            .Where(c => c.Probe is not null)
            .ToDictionary(c => c.Check.Id, StringComparer.Ordinal);
        foreach (var (id, (spec, stop)) in _probing.ToList())
        {
            if (!wanted.TryGetValue(id, out var keep) || keep.Check.Spec != spec)
            {
                stop.Cancel();
                stop.Dispose();
                _probing.Remove(id);
            }
        }

        foreach (var (id, (check, probe)) in wanted.Where(w => !_probing.ContainsKey(w.Key)))
        {
            var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            _probing[id] = (check.Spec, stop);
            _ = ProbeLoopAsync(check, probe!, stop.Token);
        }
    }

    private async Task ProbeLoopAsync(CheckInstance check, ICheckProbe probe, CancellationToken cancellationToken)
    {
        var interval = check.Spec.Interval is { } asked && asked > options.MinCheckInterval ? asked : options.MinCheckInterval;
        var timeout = check.Spec.Timeout is { } t && t > TimeSpan.Zero ? t : DefaultTimeout;
        try
        {
            // Consul staggers a new check's first run over one interval, so that checks registered together spread out.
            await Task.Delay(interval * Random.Shared.NextDouble(), time, cancellationToken);
            while (true)
            {
                var result = await probe.ProbeAsync(check.Spec, timeout, cancellationToken);
                if (catalog.UpdateCheck(check.Id, result.Status, result.Output) == CheckUpdateOutcome.Updated)
                {
                    LogCheckStatus(check.Id, result.Status);
                }

                await Task.Delay(interval, time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The check was removed or redefined, or the agent is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Check {CheckId} is now {Status}")]
    private partial void LogCheckStatus(string checkId, string status);
}
