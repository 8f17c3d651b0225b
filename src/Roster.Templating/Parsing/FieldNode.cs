namespace Roster.Templating.Parsing;

/// <summary>A field chain on dot: <c>.A.B</c> has Ident ["A", "B"].</summary>
internal sealed record FieldNode(int Pos, IReadOnlyList<string> Ident) : Node(Pos)
{
    public override string ToString() => string.Concat(Ident.Select(i => "." + i));
}
