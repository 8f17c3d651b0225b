using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Roster.Agent.Catalog;
using Roster.Protocol.Agent;
using Roster.Protocol.Catalog;

namespace Roster.Agent.Registration;

/// <summary>
/// Turns a decoded /v1/agent/service/register body into an instance and its checks, with Consul's defaults
/// (ID = Name, check IDs service:ID or service:ID:N, tagged addresses for IP literals) and its validation texts.
/// </summary>
internal static partial class ServiceRegistration
{
    private const int MaxMetaPairs = 64;
    private const int MaxMetaKeyLength = 128;
    private const int MaxMetaValueLength = 512;

    /// <exception cref="RegistrationError">The definition is one Consul would refuse, or one that could inject config downstream.</exception>
    public static (ServiceInstance Service, IReadOnlyList<CheckInstance> Checks) Create(ServiceDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (string.IsNullOrEmpty(definition.Name))
        {
            throw RegistrationError.BadRequest("Missing service name");
        }

        var id = string.IsNullOrEmpty(definition.Id) ? definition.Name : definition.Id;
        SafeText.RequireBareWord(definition.Name, "service name");
        SafeText.RequireBareWord(id, "service ID");
        SafeText.RequireBareWord(definition.Address, "service address");
        foreach (var tag in definition.Tags ?? [])
        {
            SafeText.Require(tag, "service tag");
        }

        var address = definition.Address ?? "";
        if (IPAddress.TryParse(address, out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)))
        {
            throw RegistrationError.BadRequest("Invalid service address");
        }

        if (definition.Port is < 0 or > IPEndPoint.MaxPort)
        {
            throw RegistrationError.BadRequest($"Invalid service port {definition.Port}");
        }

        var service = new ServiceInstance
        {
            Id = id,
            Name = definition.Name,
            Tags = [.. definition.Tags ?? []],
            Address = address,
            Port = definition.Port,
            Meta = ValidMeta(definition.Meta),
            TaggedAddresses = TaggedAddresses(definition, ip),
            Weights = ValidWeights(definition.Weights),
            EnableTagOverride = definition.EnableTagOverride,
        };
        return (service, Checks(definition, id));
    }

    private static List<CheckInstance> Checks(ServiceDefinition definition, string serviceId)
    {
        var checks = new[] { definition.Check }.Concat(definition.Checks ?? [])
            .OfType<CheckType>()
            .Where(c => !CheckSpecs.IsEmpty(c))
            .ToList();
        return [.. checks.Select((check, i) => CheckSpecs.ToCheck(
            check,
            id: check.CheckId is { Length: > 0 } given ? given : checks.Count == 1 ? $"service:{serviceId}" : $"service:{serviceId}:{i + 1}",
            name: check.Name is { Length: > 0 } name ? name : $"Service '{definition.Name}' check"))];
    }

    private static ImmutableSortedDictionary<string, string> ValidMeta(IReadOnlyDictionary<string, string>? meta)
    {
        meta ??= new Dictionary<string, string>();
        if (meta.Count > MaxMetaPairs)
        {
            throw RegistrationError.BadRequest($"Invalid Service Meta: Node metadata cannot contain more than {MaxMetaPairs} key/value pairs");
        }

        foreach (var (key, value) in meta)
        {
            var why = key.Length == 0 ? "Key cannot be blank"
                : !MetaKey().IsMatch(key) ? "Key contains invalid characters"
                : key.Length > MaxMetaKeyLength ? $"Key is too long (limit: {MaxMetaKeyLength} characters)"
                : key.StartsWith("consul-", StringComparison.Ordinal) ? "Key prefix 'consul-' is reserved for internal use"
                : (value ?? "").Length > MaxMetaValueLength ? $"Value is too long (limit: {MaxMetaValueLength} characters)"
                : null;
            if (why is not null)
            {
                throw RegistrationError.BadRequest($"Invalid Service Meta: Couldn't load metadata pair ('{key}', '{value}'): {why}");
            }
        }

        return meta.ToImmutableSortedDictionary(m => m.Key, m => m.Value ?? "", StringComparer.Ordinal);
    }

    private static ServiceWeights ValidWeights(Weights? weights)
    {
        if (weights is null)
        {
            return ServiceWeights.Default;
        }

        if (weights.Passing < 1 || weights.Warning < 0)
        {
            throw RegistrationError.BadRequest($"Invalid Weights: Passing must be greater than 0 and Warning at least 0, got {weights.Passing}/{weights.Warning}");
        }

        return new ServiceWeights(weights.Passing, weights.Warning);
    }

    /// <summary>Consul adds lan/wan tagged addresses of the IP family when the address is an IP literal.</summary>
    private static ImmutableSortedDictionary<string, TaggedAddress> TaggedAddresses(ServiceDefinition definition, IPAddress? ip)
    {
        var given = (definition.TaggedAddresses ?? new Dictionary<string, ServiceAddress>())
            .ToImmutableSortedDictionary(t => t.Key, t => new TaggedAddress(t.Value.Address ?? "", t.Value.Port), StringComparer.Ordinal);
        if (ip is null)
        {
            return given;
        }

        var family = ip.AddressFamily == AddressFamily.InterNetworkV6 ? "ipv6" : "ipv4";
        var own = new TaggedAddress(definition.Address!, definition.Port);
        return given.SetItem($"lan_{family}", given.GetValueOrDefault($"lan_{family}") ?? own)
                    .SetItem($"wan_{family}", given.GetValueOrDefault($"wan_{family}") ?? own);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex MetaKey();
}
