namespace Roster.Templating.Parsing;

internal sealed record WithNode(int Pos, int Line, PipeNode Pipe, ListNode List, ListNode? ElseList) : Node(Pos)
{
    public override string ToString() => BranchText.Format("with", Pipe, List, ElseList);
}
