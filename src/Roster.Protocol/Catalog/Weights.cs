namespace Roster.Protocol.Catalog;

/// <summary>A service's DNS SRV weights by health (<c>{"Passing":1,"Warning":1}</c>).</summary>
/// <remarks>A decoded request keeps Go's zero for a missing key; Consul's default for a missing object is <see cref="Default"/>.</remarks>
public sealed record Weights
{
    /// <summary>Consul's default weights, used when a registration has none.</summary>
    public static Weights Default { get; } = new() { Passing = 1, Warning = 1 };

    /// <summary>Weight while all checks pass; Consul requires at least 1.</summary>
    public int Passing { get; init; }

    /// <summary>Weight while some check warns; Consul requires at least 0.</summary>
    public int Warning { get; init; }
}
