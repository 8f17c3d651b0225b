namespace Roster.Agent.Checks;

/// <summary>One kind of interval check (HTTP, TCP): probes once and says what it found.</summary>
internal interface ICheckProbe
{
    /// <summary>True when this probe runs checks of <paramref name="spec"/>'s kind.</summary>
    bool Handles(CheckSpec spec);

    /// <summary>Probes once; never throws for a failed probe, which is a critical result.</summary>
    Task<CheckResult> ProbeAsync(CheckSpec spec, TimeSpan timeout, CancellationToken cancellationToken);
}

/// <summary>A probe's verdict and the output Consul would show for it.</summary>
internal sealed record CheckResult(string Status, string Output);
