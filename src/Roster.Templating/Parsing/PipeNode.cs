using System.Text;

namespace Roster.Templating.Parsing;

/// <summary>A pipeline with optional variable declarations (<c>$x :=</c>) or assignments (<c>$x =</c>).</summary>
internal sealed record PipeNode(int Pos, int Line, bool IsAssign, IReadOnlyList<VariableNode> Decl, IReadOnlyList<CommandNode> Cmds) : Node(Pos)
{
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (Decl.Count > 0)
        {
            sb.AppendJoin(", ", Decl).Append(IsAssign ? " = " : " := ");
        }

        return sb.AppendJoin(" | ", Cmds).ToString();
    }
}
