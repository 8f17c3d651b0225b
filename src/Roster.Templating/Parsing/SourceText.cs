using System.Text;

namespace Roster.Templating.Parsing;

/// <summary>
/// The template source with a line index, so a node's offset maps to Go's line and column.
/// Columns count UTF-8 bytes from the start of the line, because Go reports byte offsets.
/// </summary>
internal sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string name, string text)
    {
        Name = name;
        Text = text;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
    }

    /// <summary>Go's ParseName: the name of the top-level template the text was parsed for.</summary>
    public string Name { get; }

    public string Text { get; }

    public int LineOf(int pos)
    {
        var index = Array.BinarySearch(_lineStarts, pos);
        return index >= 0 ? index + 1 : ~index;
    }

    /// <summary>Go's 0-based byte offset of <paramref name="pos"/> within its line.</summary>
    public int ByteColumnOf(int pos)
    {
        var lineStart = _lineStarts[LineOf(pos) - 1];
        return Encoding.UTF8.GetByteCount(Text.AsSpan(lineStart, Math.Min(pos, Text.Length) - lineStart));
    }
}
