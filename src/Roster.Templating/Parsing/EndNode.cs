namespace Roster.Templating.Parsing;

/// <summary>Parser-internal marker for <c>{{end}}</c>; never left in a finished tree.</summary>
internal sealed record EndNode(int Pos) : Node(Pos)
{
    public override string ToString() => "{{end}}";
}
