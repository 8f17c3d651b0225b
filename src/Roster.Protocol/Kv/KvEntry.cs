using System.Text.Json.Serialization;
using Roster.Protocol.Json;

namespace Roster.Protocol.Kv;

/// <summary>One key of <c>/v1/kv/:key</c> (Consul's DirEntry).</summary>
public sealed record KvEntry
{
    /// <summary>How many times a session acquired the key's lock.</summary>
    public ulong LockIndex { get; init; }

    /// <summary>The full key.</summary>
    public string Key { get; init; } = "";

    /// <summary>Opaque client flags.</summary>
    public ulong Flags { get; init; }

    /// <summary>The raw value; written as standard base64, or <c>null</c> when empty.</summary>
    [JsonConverter(typeof(KvValueJsonConverter))]
    public ReadOnlyMemory<byte> Value { get; init; }

    /// <summary>The session holding the lock; omitted when none.</summary>
    [OmitEmpty]
    public string? Session { get; init; }

    /// <summary>Index of the write that created the key.</summary>
    public ulong CreateIndex { get; init; }

    /// <summary>Index of the last write to the key.</summary>
    public ulong ModifyIndex { get; init; }
}
