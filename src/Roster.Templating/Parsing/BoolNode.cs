namespace Roster.Templating.Parsing;

internal sealed record BoolNode(int Pos, bool True) : Node(Pos)
{
    public override string ToString() => True ? "true" : "false";
}
