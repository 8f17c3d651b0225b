using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Roster.Testing.Reliability;

/// <summary>
/// Appends one JSON line per <see cref="ReliabilityRecord"/> to the file named by <c>ROSTER_RELIABILITY_LOG</c>, when it is
/// set (by <c>scripts/reliability</c>); otherwise does nothing, so the ordinary test run writes no file. Tests record
/// before they assert, so a failing run still shows what it saw.
/// </summary>
public static class ReliabilityLog
{
    public const string Variable = "ROSTER_RELIABILITY_LOG";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        // Read by people and by scripts/reliability, never by a browser: keep ` and ' as they are.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly Lock Gate = new();

    /// <summary>Records a count for the calling test method of <typeparamref name="TTest"/>.</summary>
    public static void Record<TTest>(
        string kind, string tried, int count, string unit, int failed, string? note = null, int? allowed = null, [CallerMemberName] string method = "") =>
        Record(new ReliabilityRecord
        {
            Kind = kind,
            Test = $"{typeof(TTest).FullName}.{method}",
            Tried = tried,
            Count = count,
            Unit = unit,
            Failed = failed,
            Allowed = allowed,
            Note = note,
        });

    public static void Record(ReliabilityRecord record)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } path)
        {
            return;
        }

        // One write per line: several test projects (or processes) may append to the same file.
        var line = JsonSerializer.Serialize(record, Json) + "\n";
        lock (Gate)
        {
            File.AppendAllText(path, line);
        }
    }
}
