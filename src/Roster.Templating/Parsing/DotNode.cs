namespace Roster.Templating.Parsing;

internal sealed record DotNode(int Pos) : Node(Pos)
{
    public override string ToString() => ".";
}
