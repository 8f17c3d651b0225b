using Roster.Protocol.Health;

namespace Roster.Client.Watch;

/// <summary>
/// Bridges a registry restart for a consumer of a service's passing instances. An agent restarted without a data dir
/// answers at once, but empty: the services still running register again only a second or two later, when their
/// presence watch notices. Taken literally, that first answer would drop every healthy instance for those seconds
/// (HAProxy answers 503, www has no data). So an answer that may come from a restarted registry — its index went
/// backwards (Consul's blocking-query rule), or the fetch before it failed (the new agent's index may already have
/// passed the old one by the time it answers) — opens a grace period during which the instances of the last answer
/// before it stay, next to whatever the registry now reports; when it closes, the newest answer alone counts again. An instance that
/// really died meanwhile costs nothing: HAProxy's checks and the discovery client's retry already route around it.
/// </summary>
public sealed class RestartGrace : IDisposable
{
    /// <summary>Longer than running services take to register again once the agent is back (1–2.5 s measured on 2 busy cores).</summary>
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _period;
    private readonly Action _ended;
    private IReadOnlyList<CheckServiceNode> _latest = [];
    private IReadOnlyList<CheckServiceNode> _held = [];
    private ulong? _lastIndex;
    private ITimer? _timer;
    private int _generation;

    /// <param name="time">Drives the grace period.</param>
    /// <param name="ended">Called (outside any lock here) when a grace period closes: read <see cref="Current"/> again.</param>
    /// <param name="period">How long instances from before a restart are kept; <see cref="DefaultPeriod"/> when null.</param>
    public RestartGrace(TimeProvider time, Action ended, TimeSpan? period = null)
    {
        _time = time;
        _ended = ended;
        _period = period ?? DefaultPeriod;
    }

    /// <summary>The instances to use now: the newest answer, plus during a grace period those from before the restart.</summary>
    public IReadOnlyList<CheckServiceNode> Current
    {
        get
        {
            lock (_gate)
            {
                return _timer is null ? _latest : Union(_latest, _held);
            }
        }
    }

    /// <summary>Takes the registry's answer at <paramref name="index"/>; returns the instances to use (as <see cref="Current"/>).</summary>
    /// <param name="index">The answer's X-Consul-Index.</param>
    /// <param name="instances">The answer.</param>
    /// <param name="afterFailure">Whether a fetch failed since the previous answer (the registry was unreachable).</param>
    public IReadOnlyList<CheckServiceNode> Apply(ulong index, IReadOnlyList<CheckServiceNode> instances, bool afterFailure = false)
    {
        ArgumentNullException.ThrowIfNull(instances);
        lock (_gate)
        {
            if (_lastIndex is { } last && (index < last || afterFailure))
            {
                // A second restart within the grace keeps what was held already.
                _held = _timer is null ? _latest : Union(_latest, _held);
                _timer?.Dispose();
                var generation = ++_generation;
                _timer = _time.CreateTimer(_ => End(generation), null, _period, Timeout.InfiniteTimeSpan);
            }

            _lastIndex = index;
            _latest = instances;
            return _timer is null ? _latest : Union(_latest, _held);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void End(int generation)
    {
        lock (_gate)
        {
            // A later restart replaced this timer (its own grace is still running), or the grace was disposed.
            if (generation != _generation || _timer is null)
            {
                return;
            }

            _timer.Dispose();
            _timer = null;
            _held = [];
        }

        _ended();
    }

    private static List<CheckServiceNode> Union(IReadOnlyList<CheckServiceNode> newest, IReadOnlyList<CheckServiceNode> held)
    {
        var present = newest.Select(Key).ToHashSet(StringComparer.Ordinal);
        return [.. newest, .. held.Where(entry => !present.Contains(Key(entry)))];
    }

    private static string Key(CheckServiceNode entry) => entry.Node.Name + "\n" + entry.Service.Id;
}
