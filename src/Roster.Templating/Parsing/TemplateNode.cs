namespace Roster.Templating.Parsing;

/// <summary>A <c>{{template "name" pipeline}}</c> invocation (a block parses to one of these too).</summary>
internal sealed record TemplateNode(int Pos, int Line, string Name, PipeNode? Pipe) : Node(Pos)
{
    public override string ToString() =>
        Pipe is null ? $"{{{{template {GoQuote.Quote(Name)}}}}}" : $"{{{{template {GoQuote.Quote(Name)} {Pipe}}}}}";
}
