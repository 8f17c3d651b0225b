using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Roster.Agent.Catalog;
using Roster.Agent.Hosting;

namespace Roster.Agent.Checks;

/// <summary>
/// Keeps a runner per registered check: a timer for each TTL check, a probe loop for each HTTP or TCP check.
/// It reads the IDs of checks the catalog added, removed or redefined, and looks again at just those.
/// </summary>
internal sealed partial class CheckRunner(
    CatalogStore catalog, TtlChecks ttl, IEnumerable<ICheckProbe> probes, TimeProvider time, AgentOptions options, ILogger<CheckRunner> logger)
    : BackgroundService
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, (CheckSpec Spec, CancellationTokenSource Stop)> _probing = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var redefined = catalog.RedefinedChecks;
        try
        {
            HashSet<string> batch = new(StringComparer.Ordinal);
            while (await redefined.WaitToReadAsync(stoppingToken))
            {
                // A burst of registrations is one pass over one snapshot.
                while (redefined.TryRead(out var id))
                {
                    batch.Add(id);
                }

                var snapshot = catalog.Current;
                foreach (var id in batch)
                {
                    Reconcile(snapshot.Checks.GetValueOrDefault(id), id, stoppingToken);
                }

                batch.Clear();
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

    private void Reconcile(CheckInstance? check, string id, CancellationToken stoppingToken)
    {
        if (check?.Spec.Ttl is not null)
        {
            ttl.Track(check);
        }
        else
        {
            ttl.Forget([id]);
        }

        var probe = check is null ? null : probes.FirstOrDefault(p => p.Handles(check.Spec));
        if (_probing.TryGetValue(id, out var running) && (probe is null || running.Spec != check!.Spec))
        {
            running.Stop.Cancel();
            running.Stop.Dispose();
            _probing.Remove(id);
        }

        if (probe is not null && !_probing.ContainsKey(id))
        {
            var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            _probing[id] = (check!.Spec, stop);
            _ = ProbeLoopAsync(check, probe, stop.Token);
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
