namespace Roster.Templating.Data;

/// <summary>A service's DNS SRV weights (Consul's api.AgentWeights).</summary>
public sealed record Weights
{
    /// <summary>The weight while the service's checks pass.</summary>
    public int Passing { get; init; }

    /// <summary>The weight while a check warns.</summary>
    public int Warning { get; init; }
}
