using System.Collections.Immutable;
using Roster.Agent.Catalog;
using Roster.Agent.Checks;
using Roster.Protocol.Agent;
using Roster.Protocol.Health;

namespace Roster.Agent.Registration;

/// <summary>Turns a decoded CheckType into a check, with Consul's validation and texts (consul-api.md §1.8).</summary>
internal static class CheckSpecs
{
    /// <summary>Consul treats <c>"Check": {}</c> as "no check".</summary>
    public static bool IsEmpty(CheckType check) => check == new CheckType();

    public static CheckInstance ToCheck(CheckType check, string id, string name)
    {
        if (check.ScriptArgs is { Count: > 0 } || check.Shell is { Length: > 0 } || check.DockerContainerId is { Length: > 0 })
        {
            // Consul refuses script checks unless enabled; this agent never runs scripts.
            throw new RegistrationError(500, "Scripts are disabled on this agent; to enable, configure 'enable_script_checks' or 'enable_local_script_checks' to true");
        }

        if (check.Grpc is { Length: > 0 } || check.Udp is { Length: > 0 } || check.H2Ping is { Length: > 0 } || check.OsService is { Length: > 0 } ||
            check.AliasNode is { Length: > 0 } || check.AliasService is { Length: > 0 })
        {
            throw RegistrationError.BadRequest("Invalid check: this agent runs TTL, HTTP and TCP checks only");
        }

        var hasInterval = check.Interval is { } interval && interval > TimeSpan.Zero;
        var hasTtl = check.Ttl is { } ttl && ttl > TimeSpan.Zero;
        if (hasTtl && hasInterval)
        {
            throw RegistrationError.BadRequest("Invalid check: Interval and TTL cannot both be specified");
        }

        if ((check.Http is { Length: > 0 } || check.Tcp is { Length: > 0 }) && !hasInterval)
        {
            throw RegistrationError.BadRequest("Invalid check: Interval must be > 0 for Script, HTTP, H2PING, TCP, UDP or OSService checks");
        }

        if (check.Http is not { Length: > 0 } && check.Tcp is not { Length: > 0 } && !hasTtl)
        {
            throw RegistrationError.BadRequest("Invalid check: TTL must be > 0 for TTL checks");
        }

        var status = string.IsNullOrEmpty(check.Status) ? CheckStatus.Critical : check.Status;
        if (status is not (CheckStatus.Passing or CheckStatus.Warning or CheckStatus.Critical))
        {
            throw RegistrationError.BadRequest("Status for checks must 'passing', 'warning', 'critical'");
        }

        SafeText.Require(id, "check ID");
        SafeText.Require(check.Tcp, "check address");
        return new CheckInstance
        {
            Id = id,
            Name = name,
            Status = status,
            Notes = check.Notes ?? "",
            Spec = new CheckSpec
            {
                Ttl = hasTtl ? check.Ttl : null,
                Interval = hasInterval ? check.Interval : null,
                Timeout = check.Timeout,
                DeregisterCriticalServiceAfter = check.DeregisterCriticalServiceAfter is { } d && d > TimeSpan.Zero ? d : null,
                Http = check.Http is { Length: > 0 } ? check.Http : null,
                Method = check.Method,
                Body = check.Body,
                Header = (check.Header ?? new Dictionary<string, IReadOnlyList<string>>())
                    .ToImmutableSortedDictionary(h => h.Key, h => h.Value.ToImmutableArray(), StringComparer.Ordinal),
                DisableRedirects = check.DisableRedirects,
                TlsSkipVerify = check.TlsSkipVerify,
                Tcp = check.Tcp is { Length: > 0 } ? check.Tcp : null,
            },
        };
    }
}
