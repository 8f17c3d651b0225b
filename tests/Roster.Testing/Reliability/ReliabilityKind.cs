namespace Roster.Testing.Reliability;

/// <summary>
/// The trait that puts a test in the reliability report (<c>scripts/reliability</c> runs exactly these), and its values,
/// one per section of <c>docs/reliability.md</c>: <c>[Trait(ReliabilityKind.Trait, ReliabilityKind.Fault)]</c>.
/// </summary>
public static class ReliabilityKind
{
    public const string Trait = "Reliability";

    /// <summary>A part is killed, restarted or starved of disk while real traffic flows.</summary>
    public const string Fault = "Fault";

    /// <summary>Hostile input: injection attempts, oversized bodies, slow clients, missing tokens.</summary>
    public const string Abuse = "Abuse";

    /// <summary>Generated input thrown at a parser or decoder for a bounded run.</summary>
    public const string Fuzz = "Fuzz";
}
