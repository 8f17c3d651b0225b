namespace Roster.Templating.Parsing;

internal sealed record NilNode(int Pos) : Node(Pos)
{
    public override string ToString() => "nil";
}
