namespace Roster.Templating.Parsing;

/// <summary>A string constant; <see cref="Quoted"/> is the source spelling, <see cref="Text"/> the value.</summary>
internal sealed record StringNode(int Pos, string Quoted, string Text) : Node(Pos)
{
    public override string ToString() => Quoted;
}
