namespace Roster.Templating.Parsing;

internal sealed record ListNode(int Pos, IReadOnlyList<Node> Nodes) : Node(Pos)
{
    public override string ToString() => string.Concat(Nodes);
}
