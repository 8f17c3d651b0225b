namespace Roster.Templating.Parsing;

/// <summary>
/// A numeric or character constant with every interpretation Go's parser found valid
/// (3 is an int, a uint and a float), so a call can convert it to the parameter's type.
/// </summary>
internal sealed record NumberNode(int Pos, string Text) : Node(Pos)
{
    public bool IsInt { get; init; }

    public long Int64 { get; init; }

    public bool IsUint { get; init; }

    public ulong UInt64 { get; init; }

    public bool IsFloat { get; init; }

    public double Float64 { get; init; }

    public override string ToString() => Text;
}
