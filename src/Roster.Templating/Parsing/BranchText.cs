namespace Roster.Templating.Parsing;

/// <summary>Go's BranchNode.String(), shared by if, with and range.</summary>
internal static class BranchText
{
    public static string Format(string keyword, PipeNode pipe, ListNode list, ListNode? elseList) =>
        elseList is null
            ? $"{{{{{keyword} {pipe}}}}}{list}{{{{end}}}}"
            : $"{{{{{keyword} {pipe}}}}}{list}{{{{else}}}}{elseList}{{{{end}}}}";
}
