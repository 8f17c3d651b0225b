using System.Runtime.CompilerServices;
using Roster.Templating.Data;

namespace Roster.Templating.Dependencies;

/// <summary><c>ls</c>, <c>tree</c> and their safe forms: every pair under a prefix (<c>kv.list</c>); the functions pick what they show.</summary>
internal sealed class KvListDependency(string prefix, string? datacenter) : IDependency
{
    public string Key { get; } = $"kv.list({prefix}{(datacenter is null ? "" : "@" + datacenter)})";

    public async IAsyncEnumerable<object?> WatchAsync(DependencySource source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var result in source.Watch.WatchAsync(
            Key, (q, ct) => source.Consul.Kv.ListAsync(prefix, q, ct), DependencySource.Options(datacenter), cancellationToken))
        {
            IReadOnlyList<KeyPair> pairs = [.. result.Value.Select(entry => DataMapping.KeyPair(prefix, entry))];
            yield return pairs;
        }
    }
}
