namespace Roster.HAProxy.Live;

/// <summary>
/// A table HAProxy prints with a <c># name name …</c> header line (<c>show stat</c> is comma-separated, <c>show servers
/// state</c> space-separated): rows read by column name, since columns are added between versions.
/// </summary>
internal sealed class StatTable
{
    private readonly Dictionary<string, int> _columns;
    private readonly List<string[]> _rows;

    private StatTable(Dictionary<string, int> columns, List<string[]> rows)
    {
        _columns = columns;
        _rows = rows;
    }

    public int Count => _rows.Count;

    public static StatTable Parse(string text, char separator)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines.FirstOrDefault(l => l.StartsWith('#')) ?? throw new FormatException($"no '#' header line in: {text.Trim()}");
        var names = header.TrimStart('#').Trim().Split(separator);
        var columns = names.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i, StringComparer.Ordinal);
        var rows = lines.SkipWhile(l => l != header).Skip(1).Where(l => !l.StartsWith('#')).Select(l => l.Split(separator)).ToList();
        return new StatTable(columns, rows);
    }

    public IEnumerable<int> Rows => Enumerable.Range(0, _rows.Count);

    public string this[int row, string column] =>
        _columns.TryGetValue(column, out var index) && index < _rows[row].Length ? _rows[row][index] : "";
}
