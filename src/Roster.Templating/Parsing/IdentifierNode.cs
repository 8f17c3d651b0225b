namespace Roster.Templating.Parsing;

/// <summary>A function name.</summary>
internal sealed record IdentifierNode(int Pos, string Ident) : Node(Pos)
{
    public override string ToString() => Ident;
}
