namespace Roster.Testing.HAProxy;

/// <summary>One row of HAProxy's stats CSV (a frontend, backend or server), fields by header name.</summary>
public sealed record StatRow(IReadOnlyDictionary<string, string> Fields)
{
    public string Proxy => Fields["pxname"];

    /// <summary>The server name, or FRONTEND / BACKEND.</summary>
    public string Name => Fields["svname"];

    /// <summary>UP, DOWN, MAINT, OPEN, "UP 1/2" while a check is in transition...</summary>
    public string Status => Fields["status"];

    /// <summary>Parses <c>show stat</c> / <c>;csv</c> output: a "# name,name,..." header, then one row a line.</summary>
    public static IReadOnlyList<StatRow> ParseCsv(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines.First(l => l.StartsWith("# ", StringComparison.Ordinal))[2..].Split(',');
        return [.. lines
            .Where(l => !l.StartsWith('#'))
            .Select(l => new StatRow(header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)))];
    }
}
