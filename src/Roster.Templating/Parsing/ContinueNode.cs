namespace Roster.Templating.Parsing;

internal sealed record ContinueNode(int Pos, int Line) : Node(Pos)
{
    public override string ToString() => "{{continue}}";
}
