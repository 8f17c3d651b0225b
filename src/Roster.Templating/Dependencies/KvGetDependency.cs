using System.Runtime.CompilerServices;

namespace Roster.Templating.Dependencies;

/// <summary>
/// One KV key. For <c>key</c> it delivers only once the key exists, so the template waits for it (<c>kv.block</c>);
/// for <c>keyOrDefault</c> and <c>keyExists</c> an absent key is data too (<c>kv.get</c>).
/// </summary>
internal sealed class KvGetDependency(string key, string? datacenter, bool blockUntilExists) : IDependency
{
    public string Key { get; } = $"{(blockUntilExists ? "kv.block" : "kv.get")}({key}{(datacenter is null ? "" : "@" + datacenter)})";

    public async IAsyncEnumerable<object?> WatchAsync(DependencySource source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var result in source.Watch.WatchAsync(
            Key, (q, ct) => source.Consul.Kv.GetAsync(key, q, ct), DependencySource.Options(datacenter), cancellationToken))
        {
            if (result.Value is { } entry)
            {
                yield return new KvValue(true, System.Text.Encoding.UTF8.GetString(entry.Value.Span));
            }
            else if (!blockUntilExists)
            {
                yield return KvValue.Absent;
            }
        }
    }
}

/// <summary>What a <see cref="KvGetDependency"/> delivers: whether the key exists, and its value as text.</summary>
internal sealed record KvValue(bool Exists, string Value)
{
    public static KvValue Absent { get; } = new(false, "");
}
