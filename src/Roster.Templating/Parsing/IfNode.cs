namespace Roster.Templating.Parsing;

internal sealed record IfNode(int Pos, int Line, PipeNode Pipe, ListNode List, ListNode? ElseList) : Node(Pos)
{
    public override string ToString() => BranchText.Format("if", Pipe, List, ElseList);
}
