namespace Roster.Templating.Data;

/// <summary>A catalog node, field for field consul-template's dependency.Node (renamed because C# forbids a member named like its type).</summary>
public sealed record NodeInfo
{
    /// <summary>The node's UUID.</summary>
    public string ID { get; init; } = "";

    /// <summary>The node's name.</summary>
    public string Node { get; init; } = "";

    /// <summary>The node's address.</summary>
    public string Address { get; init; } = "";

    /// <summary>The node's datacenter.</summary>
    public string Datacenter { get; init; } = "";

    /// <summary>The node's tagged addresses.</summary>
    public IReadOnlyDictionary<string, string> TaggedAddresses { get; init; } = EmptyMaps.Strings;

    /// <summary>The node's metadata.</summary>
    public IReadOnlyDictionary<string, string> Meta { get; init; } = EmptyMaps.Strings;
}
