using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace Roster.Protocol.Json;

/// <summary>How the request decoder maps the keys of one record type: Go's key matching plus Consul's aliases and ignored keys.</summary>
internal sealed class DecodeContract
{
    private static readonly ConcurrentDictionary<JsonTypeInfo, DecodeContract> Cache = new();

    // Go prefers an exact key match and falls back to a case-insensitive one, the first field in order winning.
    private readonly Dictionary<string, Target> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Target> _folded = new(StringComparer.OrdinalIgnoreCase);

    private DecodeContract(JsonTypeInfo type)
    {
        Properties = [.. type.Properties];
        var options = type.Options;
        TypeInfos = [.. Properties.Select(p => options.GetTypeInfo(p.PropertyType))];
        var aliasCounts = new int[Properties.Count];
        for (var i = 0; i < Properties.Count; i++)
        {
            Add(Properties[i].Name, new Target(i, 0));
            var aliases = Properties[i].AttributeProvider is MemberInfo member
                ? member.GetCustomAttribute<ConsulAliasAttribute>()?.Names ?? []
                : [];
            aliasCounts[i] = aliases.Count;
            for (var rank = 0; rank < aliases.Count; rank++)
            {
                Add(aliases[rank], new Target(i, rank + 1));
            }
        }

        foreach (var name in type.Type.GetCustomAttribute<IgnoredFieldsAttribute>()?.Names ?? [])
        {
            Add(name, Target.Ignored);
        }

        AliasCounts = aliasCounts;
    }

    /// <summary>The record's properties in declaration order (the order durations are parsed in, as Consul does).</summary>
    public IReadOnlyList<JsonPropertyInfo> Properties { get; }

    /// <summary>The contract of each property's type, by property index.</summary>
    public IReadOnlyList<JsonTypeInfo> TypeInfos { get; }

    /// <summary>How many aliases each property has, by property index.</summary>
    public IReadOnlyList<int> AliasCounts { get; }

    public static DecodeContract For(JsonTypeInfo type) => Cache.GetOrAdd(type, static t => new DecodeContract(t));

    public bool TryResolve(string key, out Target target) =>
        _exact.TryGetValue(key, out target) || _folded.TryGetValue(key, out target);

    private void Add(string name, Target target)
    {
        _exact.TryAdd(name, target);
        _folded.TryAdd(name, target);
    }

    /// <summary>What a key binds to: property <see cref="Property"/> under its own name (rank 0) or its alias number <see cref="Rank"/>.</summary>
    public readonly record struct Target(int Property, int Rank)
    {
        public static Target Ignored { get; } = new(-1, 0);

        public bool IsIgnored => Property < 0;
    }
}
