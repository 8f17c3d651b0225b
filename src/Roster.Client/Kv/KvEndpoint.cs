using System.Globalization;
using Roster.Client.Http;
using Roster.Protocol;
using Roster.Protocol.Kv;

namespace Roster.Client.Kv;

/// <summary>The key/value store (<c>/v1/kv/:key</c>); reads block on <see cref="QueryOptions.Index"/>, writes are PUT and DELETE.</summary>
public sealed class KvEndpoint
{
    private readonly ConsulTransport _transport;

    internal KvEndpoint(ConsulTransport transport) => _transport = transport;

    /// <summary>One key; a missing key is a null <see cref="QueryResult{T}.Value"/> carrying the index of the 404, not an exception.</summary>
    public async Task<QueryResult<KvEntry?>> GetAsync(string key, QueryOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var result = await _transport.GetAsync<IReadOnlyList<KvEntry>?>(Path(key), [], options, cancellationToken, whenNotFound: () => null);

        // Consul answers a single key as a one-element array.
        return new QueryResult<KvEntry?>
        {
            Value = result.Value is [var entry, ..] ? entry : null,
            LastIndex = result.LastIndex,
            KnownLeader = result.KnownLeader,
            LastContact = result.LastContact,
        };
    }

    /// <summary>Every key under <paramref name="prefix"/>, sorted by key (<c>?recurse</c>); none is an empty list.</summary>
    public Task<QueryResult<IReadOnlyList<KvEntry>>> ListAsync(
        string prefix, QueryOptions? options = null, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<IReadOnlyList<KvEntry>>(
            Path(prefix), [new(ConsulQuery.Recurse, "")], options, cancellationToken, whenNotFound: () => []);

    /// <summary>The key names under <paramref name="prefix"/> (<c>?keys</c>), folded after <paramref name="separator"/> when given.</summary>
    public Task<QueryResult<IReadOnlyList<string>>> KeysAsync(
        string prefix, string? separator = null, QueryOptions? options = null, CancellationToken cancellationToken = default)
    {
        KeyValuePair<string, string>[] query = separator is null
            ? [new(ConsulQuery.Keys, "")]
            : [new(ConsulQuery.Keys, ""), new(ConsulQuery.Separator, separator)];
        return _transport.GetAsync<IReadOnlyList<string>>(Path(prefix), query, options, cancellationToken, whenNotFound: () => []);
    }

    /// <summary>
    /// Writes a value; with <paramref name="cas"/> only if the key's ModifyIndex equals it (0: only if absent). False when the CAS lost.
    /// </summary>
    public Task<bool> PutAsync(
        string key, ReadOnlyMemory<byte> value, ulong? flags = null, ulong? cas = null, QueryOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var query = new List<KeyValuePair<string, string>>();
        if (flags is { } f)
        {
            query.Add(new(ConsulQuery.Flags, f.ToString(CultureInfo.InvariantCulture)));
        }

        if (cas is { } c)
        {
            query.Add(new(ConsulQuery.Cas, c.ToString(CultureInfo.InvariantCulture)));
        }

        // The body is the raw value, not JSON.
        var content = new ReadOnlyMemoryContent(value);
        return _transport.SendAsync<bool>(HttpMethod.Put, Path(key), content, query, options, cancellationToken);
    }

    /// <summary>
    /// Deletes a key, or with <paramref name="recurse"/> every key under it; with <paramref name="cas"/> only if its ModifyIndex matches
    /// (Consul refuses <paramref name="cas"/> with <paramref name="recurse"/>: 400). False when the CAS lost.
    /// </summary>
    public Task<bool> DeleteAsync(
        string key, ulong? cas = null, bool recurse = false, QueryOptions? options = null, CancellationToken cancellationToken = default)
    {
        var query = new List<KeyValuePair<string, string>>();
        if (recurse)
        {
            query.Add(new(ConsulQuery.Recurse, ""));
        }
        else
        {
            ArgumentException.ThrowIfNullOrEmpty(key);
        }

        if (cas is { } c)
        {
            query.Add(new(ConsulQuery.Cas, c.ToString(CultureInfo.InvariantCulture)));
        }

        return _transport.SendAsync<bool>(HttpMethod.Delete, Path(key), null, query, options, cancellationToken);
    }

    private static string Path(string key) => "/v1/kv/" + ConsulTransport.EscapeKey(key ?? "");
}
