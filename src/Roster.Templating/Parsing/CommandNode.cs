namespace Roster.Templating.Parsing;

/// <summary>One stage of a pipeline: a function, method, field or value and its arguments.</summary>
internal sealed record CommandNode(int Pos, IReadOnlyList<Node> Args) : Node(Pos)
{
    public override string ToString() => string.Join(' ', Args.Select(a => a is PipeNode ? "(" + a + ")" : a.ToString()));
}
