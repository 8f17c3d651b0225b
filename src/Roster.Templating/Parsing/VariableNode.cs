namespace Roster.Templating.Parsing;

/// <summary>A variable with optional field chain: <c>$x.A.B</c> has Ident ["$x", "A", "B"].</summary>
internal sealed record VariableNode(int Pos, IReadOnlyList<string> Ident) : Node(Pos)
{
    public override string ToString() => string.Join('.', Ident);
}
