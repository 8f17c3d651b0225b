namespace Roster.Templating.Dependencies;

/// <summary>
/// A piece of registry data templates read, as consul-template's dependencies: named by a key such as
/// <c>health.service(www|passing)</c>, kept fresh by one blocking watch however many templates use it.
/// </summary>
internal interface IDependency
{
    /// <summary>Identifies the dependency: two template calls with the same key share one watch and one value.</summary>
    string Key { get; }

    /// <summary>
    /// Yields the data every time the registry has a new answer (already converted to what templates see); retries
    /// failures with back-off and ends only by cancellation.
    /// </summary>
    IAsyncEnumerable<object?> WatchAsync(DependencySource source, CancellationToken cancellationToken);
}
