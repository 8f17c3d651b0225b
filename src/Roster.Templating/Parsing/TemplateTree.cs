namespace Roster.Templating.Parsing;

/// <summary>One named template of a parsed set: the top-level text or a define/block body.</summary>
internal sealed record TemplateTree(string Name, ListNode Root, SourceText Source)
{
    /// <summary>Go's IsEmptyTree: only spaces, comments and definitions, so a later definition may replace it.</summary>
    public static bool IsEmpty(Node node) => node switch
    {
        ListNode list => list.Nodes.All(IsEmpty),
        TextNode text => string.IsNullOrWhiteSpace(text.Text),
        CommentNode => true,
        _ => false,
    };
}
