namespace Roster.Templating.Parsing;

/// <summary>A non-control action such as <c>{{.X | printf "%s"}}</c>.</summary>
internal sealed record ActionNode(int Pos, int Line, PipeNode Pipe) : Node(Pos)
{
    public override string ToString() => "{{" + Pipe + "}}";
}
