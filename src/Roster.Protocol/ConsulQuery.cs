namespace Roster.Protocol;

/// <summary>Query parameter names of Consul's API.</summary>
public static class ConsulQuery
{
    /// <summary>Blocking-query minimum index.</summary>
    public const string Index = "index";

    /// <summary>Blocking-query maximum wait, a Go duration (<c>60000ms</c>, <c>30s</c>).</summary>
    public const string Wait = "wait";

    /// <summary>ACL token; wins over every header.</summary>
    public const string Token = "token";

    /// <summary>Datacenter.</summary>
    public const string Datacenter = "dc";

    /// <summary>Stale read allowed (presence).</summary>
    public const string Stale = "stale";

    /// <summary>Linearizable read (presence).</summary>
    public const string Consistent = "consistent";

    /// <summary>Default consistency forced (presence).</summary>
    public const string Leader = "leader";

    /// <summary>Maximum staleness, a Go duration.</summary>
    public const string MaxStale = "max_stale";

    /// <summary>Agent cache allowed (presence).</summary>
    public const string Cached = "cached";

    /// <summary>Only instances whose checks all pass; a Go bool, presence alone meaning true.</summary>
    public const string Passing = "passing";

    /// <summary>Tag filter; repeatable, all must match.</summary>
    public const string Tag = "tag";

    /// <summary>KV: every key under the prefix (presence).</summary>
    public const string Recurse = "recurse";

    /// <summary>KV: key names only (presence).</summary>
    public const string Keys = "keys";

    /// <summary>KV: with <see cref="Keys"/>, list up to this separator.</summary>
    public const string Separator = "separator";

    /// <summary>KV: Consul also accepts this historic misspelling of <see cref="Separator"/>.</summary>
    public const string SeparatorMisspelled = "seperator";

    /// <summary>KV: the raw value as the body (presence).</summary>
    public const string Raw = "raw";

    /// <summary>KV: check-and-set modify index.</summary>
    public const string Cas = "cas";

    /// <summary>KV: client flags stored with the value.</summary>
    public const string Flags = "flags";

    /// <summary>KV: acquire the lock for a session.</summary>
    public const string Acquire = "acquire";

    /// <summary>KV: release the lock of a session.</summary>
    public const string Release = "release";

    /// <summary>Filter expression.</summary>
    public const string Filter = "filter";

    /// <summary>Sort by round-trip time from this node (<c>_agent</c> for the local one).</summary>
    public const string Near = "near";

    /// <summary>Node metadata filter <c>key:value</c>; repeatable.</summary>
    public const string NodeMeta = "node-meta";

    /// <summary>Output of a TTL pass/warn/fail.</summary>
    public const string Note = "note";

    /// <summary>Maintenance mode on or off.</summary>
    public const string Enable = "enable";

    /// <summary>Reason given for maintenance mode.</summary>
    public const string Reason = "reason";

    /// <summary>Service registration: drop checks missing from the new definition.</summary>
    public const string ReplaceExistingChecks = "replace-existing-checks";

    /// <summary>Hash-based blocking on <c>/v1/agent/service/:id</c>.</summary>
    public const string Hash = "hash";

    /// <summary>Pretty-printed JSON (presence).</summary>
    public const string Pretty = "pretty";

    /// <summary>Output format of <c>/v1/agent/health/service</c> (<c>text</c> or <c>json</c>).</summary>
    public const string Format = "format";

    /// <summary>Enterprise namespace; accepted and ignored.</summary>
    public const string Namespace = "ns";

    /// <summary>Enterprise admin partition; accepted and ignored.</summary>
    public const string Partition = "partition";

    /// <summary>Cluster peer; accepted and ignored.</summary>
    public const string Peer = "peer";
}
