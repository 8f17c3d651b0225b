namespace Roster.Templating.Data;

/// <summary>One KV entry returned by <c>ls</c> and <c>tree</c>, field for field consul-template's dependency.KeyPair.</summary>
public sealed record KeyPair
{
    /// <summary>The full key.</summary>
    public string Path { get; init; } = "";

    /// <summary>The key relative to the queried prefix, leading slashes trimmed.</summary>
    public string Key { get; init; } = "";

    /// <summary>The value decoded as a string.</summary>
    public string Value { get; init; } = "";

    /// <summary>Whether the key exists.</summary>
    public bool Exists { get; init; }

    /// <summary>The Raft index that created the key.</summary>
    public ulong CreateIndex { get; init; }

    /// <summary>The Raft index that last changed the key.</summary>
    public ulong ModifyIndex { get; init; }

    /// <summary>How many times a lock was taken on the key.</summary>
    public ulong LockIndex { get; init; }

    /// <summary>The opaque flags stored with the value.</summary>
    public ulong Flags { get; init; }

    /// <summary>The session holding the lock, if any.</summary>
    public string Session { get; init; } = "";
}
