using Roster.Client;
using Roster.Client.Watch;

namespace Roster.Templating.Dependencies;

/// <summary>Where dependencies read from: the registry client, the watch primitive, the clock, and the options of every read.</summary>
internal sealed record DependencySource(ConsulClient Consul, ConsulWatch Watch, TimeProvider Time)
{
    /// <summary>consul-template reads with <c>?stale</c> by default: any server may answer, which spreads the load of many watchers.</summary>
    public static QueryOptions Options(string? datacenter) => new() { Stale = true, Datacenter = string.IsNullOrEmpty(datacenter) ? null : datacenter };
}
