namespace Roster.Templating.Parsing;

internal sealed record TextNode(int Pos, string Text) : Node(Pos)
{
    /// <summary>Quoted, like Go's tests print it (textFormat = "%q"), so empty text stays visible.</summary>
    public override string ToString() => GoQuote.Quote(Text);
}
