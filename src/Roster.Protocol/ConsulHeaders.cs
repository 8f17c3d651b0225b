namespace Roster.Protocol;

/// <summary>HTTP header names of Consul's API.</summary>
public static class ConsulHeaders
{
    /// <summary>Blocking-query index of the result; never 0.</summary>
    public const string Index = "X-Consul-Index";

    /// <summary>Whether the cluster has a leader: <c>true</c> or <c>false</c>.</summary>
    public const string KnownLeader = "X-Consul-KnownLeader";

    /// <summary>Milliseconds since the answering server last heard from the leader (<c>0</c> on the leader).</summary>
    public const string LastContact = "X-Consul-LastContact";

    /// <summary>ACL token of a request (after <c>?token=</c>, before <c>Authorization: Bearer</c>).</summary>
    public const string Token = "X-Consul-Token";

    /// <summary>Hash of <c>/v1/agent/service/:id</c>, for hash-based blocking.</summary>
    public const string ContentHash = "X-Consul-ContentHash";

    /// <summary>Consistency mode the read used: <c>leader</c>, <c>stale</c> or <c>consistent</c>.</summary>
    public const string EffectiveConsistency = "X-Consul-Effective-Consistency";

    /// <summary>How the blocking query was served: <c>blocking-query</c> or <c>streaming</c>.</summary>
    public const string QueryBackend = "X-Consul-Query-Backend";

    /// <summary>The ACL default policy: <c>allow</c> or <c>deny</c>.</summary>
    public const string DefaultAclPolicy = "X-Consul-Default-ACL-Policy";

    /// <summary>Set to <c>true</c> when ACLs removed entries from a read result.</summary>
    public const string ResultsFilteredByAcls = "X-Consul-Results-Filtered-By-ACLs";
}
