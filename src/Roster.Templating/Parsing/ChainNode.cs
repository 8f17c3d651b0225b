namespace Roster.Templating.Parsing;

/// <summary>Fields applied to a term that is not dot or a variable: <c>(pipeline).A.B</c> or <c>fn.A</c>.</summary>
internal sealed record ChainNode(int Pos, Node Node, IReadOnlyList<string> Field) : Node(Pos)
{
    public override string ToString() =>
        (Node is PipeNode ? "(" + Node + ")" : Node.ToString()) + string.Concat(Field.Select(f => "." + f));
}
