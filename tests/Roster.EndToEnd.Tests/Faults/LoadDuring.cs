using Roster.Testing;
using Roster.Testing.Load;

namespace Roster.EndToEnd.Tests.Faults;

/// <summary>
/// Non-retrying load that covers a fault from start to end: <see cref="LoadRun"/> batches back to back, for as long as
/// the fault (a task: kill, wait for recovery) runs, then one batch more, on the recovered system. Bounded: at most
/// <paramref name="maxBatches"/> batches, so a recovery that never comes ends the load anyway (and the fault's own
/// timeout fails the test).
/// </summary>
internal static class LoadDuring
{
    public static async Task<LoadTally> RunAsync(Uri url, Func<Task> fault, int clients = 4, int batch = 200, int maxBatches = 150)
    {
        var first = LoadRun.Start(url, clients, batch);
        // The fault starts once traffic flows, so it always lands on live connections.
        await first.WhenCompletedAsync(batch / 2).WaitAsync(Timeouts.Ready);
        var faulting = fault();
        var results = new List<LoadResult> { await first.Completion.WaitAsync(Timeouts.Ready) };
        var after = 0;
        while (results.Count < maxBatches && after < 1)
        {
            if (faulting.IsCompleted)
            {
                after++;
            }

            results.Add(await LoadRun.Start(url, clients, batch).Completion.WaitAsync(Timeouts.Ready));
        }

        await faulting;
        return new LoadTally(results.Sum(r => r.Responses.Count + r.Failures.Count(f => !f.StartsWith("HTTP ", StringComparison.Ordinal))), [.. results.SelectMany(r => r.Failures)]);
    }
}

/// <summary>Every request a load sent (answered or not) and every failure among them.</summary>
internal sealed record LoadTally(int Requests, IReadOnlyList<string> Failures)
{
    /// <summary>The distinct failure reasons with their counts, for a report note or an assertion message.</summary>
    public string Summary() =>
        Failures.Count == 0 ? "none failed" : string.Join("; ", Failures.GroupBy(f => f.Length > 80 ? f[..80] : f).Select(g => $"{g.Count()} × {g.Key}"));
}
