namespace Roster.Protocol.Agent;

/// <summary>A Vivaldi network coordinate (the <c>Coord</c> of <c>/v1/agent/self</c>); the defaults are a fresh one.</summary>
public sealed record Coordinate
{
    /// <summary>Position in the 8-dimensional space.</summary>
    public IReadOnlyList<double> Vec { get; init; } = [0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>Estimated error.</summary>
    public double Error { get; init; } = 1.5;

    /// <summary>Adjustment term.</summary>
    public double Adjustment { get; init; }

    /// <summary>Height term.</summary>
    public double Height { get; init; } = 1e-5;
}
