using System.Text;

namespace Roster.Bench.Reporting;

/// <summary>A table printed as Markdown, so a benchmark's output can be pasted into the README as it is.</summary>
internal sealed class MarkdownTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public MarkdownTable Add(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public override string ToString()
    {
        var widths = headers.Select((h, i) => _rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        void Line(IEnumerable<string> cells) =>
            text.Append("| ").AppendJoin(" | ", cells.Select((c, i) => c.PadRight(widths[i]))).AppendLine(" |");
        Line(headers);
        Line(widths.Select(w => new string('-', w)));
        _rows.ForEach(Line);
        return text.ToString();
    }
}
