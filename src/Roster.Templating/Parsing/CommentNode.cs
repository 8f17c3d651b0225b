namespace Roster.Templating.Parsing;

internal sealed record CommentNode(int Pos, string Text) : Node(Pos)
{
    public override string ToString() => "{{" + Text + "}}";
}
