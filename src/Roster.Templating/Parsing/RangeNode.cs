namespace Roster.Templating.Parsing;

internal sealed record RangeNode(int Pos, int Line, PipeNode Pipe, ListNode List, ListNode? ElseList) : Node(Pos)
{
    public override string ToString() => BranchText.Format("range", Pipe, List, ElseList);
}
