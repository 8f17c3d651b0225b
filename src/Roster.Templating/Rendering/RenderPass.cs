using Roster.Templating.Dependencies;

namespace Roster.Templating.Rendering;

/// <summary>
/// One execution of one template: which dependencies it read and which of them had no data yet. A template is written
/// only after a pass with nothing missing (consul-template's multi-phase rendering).
/// </summary>
internal sealed class RenderPass(Brain brain)
{
    private readonly Dictionary<string, IDependency> _used = new(StringComparer.Ordinal);
    private readonly HashSet<string> _missing = new(StringComparer.Ordinal);

    public IReadOnlyCollection<IDependency> Used => _used.Values;

    public IReadOnlySet<string> Missing => _missing;

    /// <summary>The dependency's data, or <paramref name="empty"/> (marking it missing) when it has none yet.</summary>
    public T Read<T>(IDependency dependency, T empty)
    {
        _used.TryAdd(dependency.Key, dependency);
        if (brain.TryRecall(dependency.Key, out var value))
        {
            return value is T data ? data : empty;
        }

        _missing.Add(dependency.Key);
        return empty;
    }

    /// <summary>Holds the render back although the dependency has data (<c>safeLs</c>/<c>safeTree</c> on an empty prefix).</summary>
    public void Refuse(IDependency dependency) => _missing.Add(dependency.Key);
}
