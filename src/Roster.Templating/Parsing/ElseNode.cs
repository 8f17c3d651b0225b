namespace Roster.Templating.Parsing;

/// <summary>Parser-internal marker for <c>{{else}}</c>; never left in a finished tree.</summary>
internal sealed record ElseNode(int Pos, int Line) : Node(Pos)
{
    public override string ToString() => "{{else}}";
}
