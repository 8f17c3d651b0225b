using System.Threading.Channels;
using Roster.Agent.Blocking;
using Roster.Agent.Persistence;

namespace Roster.Agent.Catalog;

/// <summary>
/// The node's services and checks. Writes are serialized; each builds the next immutable snapshot, publishes it,
/// then wakes the watchers of the topics it touched. Reads take <see cref="Current"/> and never lock.
/// </summary>
internal sealed class CatalogStore(IndexCounter index, WatchHub hub, TimeProvider time, IStatePersistence? persistence = null)
{
    private readonly IStatePersistence _persistence = persistence ?? new InMemoryOnly();

    public const string ServiceMaintenancePrefix = "_service_maintenance:";
    public const string NodeMaintenanceId = "_node_maintenance";

    private readonly Lock _write = new();
    private readonly Channel<string> _redefined = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private CatalogSnapshot _current = CatalogSnapshot.Empty;
    private bool _loading;

    public CatalogSnapshot Current => Volatile.Read(ref _current);

    /// <summary>
    /// IDs of checks added, removed or redefined, for the check runners: they look again at just those checks, so a
    /// registration costs them O(1) however many checks the agent holds.
    /// </summary>
    public ChannelReader<string> RedefinedChecks => _redefined.Reader;

    /// <summary>Adds or replaces an instance and its checks. A check that already existed keeps its status and output.</summary>
    public void RegisterService(ServiceInstance service, IReadOnlyList<CheckInstance> checks, bool replaceExistingChecks) => Write(change =>
    {
        var old = change.Service(service.Id);
        change.PutService(service with { CreateIndex = old?.CreateIndex ?? change.Index, ModifyIndex = change.Index });
        if (replaceExistingChecks)
        {
            var keep = checks.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var stale in change.CheckIdsOf(service.Id).Where(id => !keep.Contains(id) && !IsMaintenance(id)).ToList())
            {
                change.RemoveCheck(stale);
            }
        }

        foreach (var check in checks)
        {
            Put(change, check with { ServiceId = service.Id, ServiceName = service.Name });
        }
    });

    public bool DeregisterService(string id) => Write(change =>
    {
        if (change.Service(id) is null)
        {
            return false;
        }

        change.RemoveService(id);
        return true;
    });

    /// <summary>Adds or replaces a check; a replaced check keeps its status and output, as on service re-registration.</summary>
    public void RegisterCheck(CheckInstance check) => Write(change => Put(change, check));

    public bool DeregisterCheck(string id) => Write(change =>
    {
        if (change.Check(id) is null)
        {
            return false;
        }

        change.RemoveCheck(id);
        return true;
    });

    /// <summary>Sets a check's result. The same status and output again is no write at all: no index moves, nobody wakes.</summary>
    public CheckUpdateOutcome UpdateCheck(string id, string status, string output)
    {
        var current = Current.Checks.GetValueOrDefault(id);
        if (current is null)
        {
            return CheckUpdateOutcome.NotFound;
        }

        if (current.Status == status && current.Output == output)
        {
            return CheckUpdateOutcome.Unchanged;
        }

        return Write(change =>
        {
            if (change.Check(id) is not { } check)
            {
                return CheckUpdateOutcome.NotFound;
            }

            change.PutCheck(WithStatus(check, status) with { Output = output, ModifyIndex = change.Index }, definitionChanged: false);
            return CheckUpdateOutcome.Updated;
        });
    }

    /// <summary>
    /// Loads what the data dir held, through the ordinary write path but without writing it back: at start-up the
    /// files are already what they would become. Called once, before anything else uses the store.
    /// </summary>
    public void Load(IEnumerable<StoredService> services, IEnumerable<CheckInstance> nodeChecks)
    {
        _loading = true;
        try
        {
            foreach (var stored in services)
            {
                RegisterService(stored.Service, stored.Checks, replaceExistingChecks: true);
            }

            foreach (var check in nodeChecks)
            {
                RegisterCheck(check);
            }
        }
        finally
        {
            _loading = false;
        }
    }

    public static bool IsMaintenance(string checkId) =>
        checkId == NodeMaintenanceId || checkId.StartsWith(ServiceMaintenancePrefix, StringComparison.Ordinal);

    private void Put(CatalogChange change, CheckInstance check)
    {
        var prior = change.Check(check.Id);
        var kept = prior is null ? WithStatus(check, check.Status) : check with { Status = prior.Status, Output = prior.Output, CriticalSince = prior.CriticalSince };
        change.PutCheck(kept with { CreateIndex = prior?.CreateIndex ?? change.Index, ModifyIndex = change.Index });
    }

    private CheckInstance WithStatus(CheckInstance check, string status) => check with
    {
        Status = status,
        CriticalSince = status != Roster.Protocol.Health.CheckStatus.Critical ? null
            : check.Status == status && check.CriticalSince is not null ? check.CriticalSince
            : time.GetUtcNow(),
    };

    private void Write(Action<CatalogChange> apply) => Write(change =>
    {
        apply(change);
        return true;
    });

    private T Write<T>(Func<CatalogChange, T> apply)
    {
        T result;
        IReadOnlyList<string> topics;
        IReadOnlyCollection<string> redefined;
        lock (_write)
        {
            var change = new CatalogChange(_current, index.Next());
            result = apply(change);
            if (result is false or CheckUpdateOutcome.NotFound)
            {
                return result;
            }

            (var after, topics) = change.Commit();
            redefined = change.RedefinedCheckIds;
            // Persisted before it is visible or acknowledged: a write the client saw succeed survives a SIGKILL.
            if (!_loading)
            {
                _persistence.SaveCatalog(after, change.TouchedServiceIds, change.TouchedNodeCheckIds);
            }
            Volatile.Write(ref _current, after);
        }

        // Outside the lock: woken watchers read the new snapshot, they never wait on the writer.
        hub.Notify(topics);
        foreach (var id in redefined)
        {
            _redefined.Writer.TryWrite(id);
        }

        return result;
    }
}
