namespace Roster.Agent.Kv;

/// <summary>One stored key. <see cref="Value"/> is never mutated after it is stored; a write stores a new array.</summary>
internal sealed record KvPair(string Key, byte[] Value, ulong Flags, ulong CreateIndex, ulong ModifyIndex);
