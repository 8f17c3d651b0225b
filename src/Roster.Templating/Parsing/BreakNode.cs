namespace Roster.Templating.Parsing;

internal sealed record BreakNode(int Pos, int Line) : Node(Pos)
{
    public override string ToString() => "{{break}}";
}
