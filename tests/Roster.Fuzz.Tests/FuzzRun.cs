using System.Collections.Concurrent;
using CsCheck;

namespace Roster.Fuzz.Tests;

/// <summary>
/// Runs a CsCheck property and counts what it executed. In the test command the cases are fixed: each property names a
/// seed, and case i is generated from that seed and i, so every CI run (and every rerun of a red build) tries the same
/// inputs, and a red build is the code's doing, not the dice's. CsCheck's own <c>seed:</c> fixes only its first case, so
/// the cases are generated here and handed to CsCheck only to shrink a failure, which prints a seed that replays.
/// ROSTER_FUZZ_SEED=random (bench/fuzz) explores fresh cases with CsCheck's random seeds; CsCheck_Seed=SEED replays a
/// failure's seed first (then random cases) either way.
/// </summary>
internal static class FuzzRun
{
    private static readonly string? Replay = Environment.GetEnvironmentVariable("CsCheck_Seed") is { Length: > 0 } seed ? seed : null;

    private static readonly bool Random = string.Equals(Environment.GetEnvironmentVariable("ROSTER_FUZZ_SEED"), "random", StringComparison.OrdinalIgnoreCase);

    public static FuzzResult Sample<T>(Gen<T> gen, Action<T> check, string seed, int iter, Func<T, string> print, int threads = -1) =>
        SampleAsync(gen, value => { check(value); return Task.CompletedTask; }, seed, iter, print, threads).GetAwaiter().GetResult();

    public static async Task<FuzzResult> SampleAsync<T>(Gen<T> gen, Func<T, Task> check, string seed, int iter, Func<T, string> print, int threads = -1)
    {
        var counter = new Counter();
        async Task Counted(T value)
        {
            Interlocked.Increment(ref counter.Cases);
            try
            {
                await check(value);
            }
            catch
            {
                Interlocked.Increment(ref counter.Failed);
                throw;
            }
        }

        Exception? failure = null;
        string seeds;
        if (Random || Replay is not null)
        {
            seeds = Replay is null ? "random seeds (ROSTER_FUZZ_SEED=random)" : $"replay of CsCheck_Seed={Replay}, then random seeds";
            failure = await CsCheckAsync(gen, Counted, null, iter, threads, print);
        }
        else
        {
            seeds = $"fixed cases from seed {seed}";
            if (await FirstFailingCaseAsync(gen, Counted, PCG.Parse(seed), iter, threads) is var (index, caseSeed, error))
            {
                // CsCheck runs the failing case first, then shrinks it (with random cases: the shrunk one may differ from
                // run to run) and throws with the seed of the smallest; the fixed case's own seed is named first.
                var shrunk = await CsCheckAsync(gen, Counted, caseSeed, iter, threads, print);
                failure = new FuzzFailedException(
                    shrunk is null
                        ? $"case {index} of the fixed run (CsCheck_Seed={caseSeed}) failed, then passed when run again: {error.Message}"
                        : $"case {index} of the fixed run (CsCheck_Seed={caseSeed}) failed. {shrunk.Message}",
                    shrunk ?? error);
            }
        }

        return new FuzzResult(counter.Cases, counter.Failed, seeds, failure);
    }

    /// <summary>
    /// Case i of the fixed run gets its own PCG, from the property's seed and i, so cases can run in parallel. After a
    /// failure, the cases before it that a parallel run skipped are run in order: the first failing case is always the same.
    /// </summary>
    private static async Task<(int Index, string Seed, Exception Error)?> FirstFailingCaseAsync<T>(Gen<T> gen, Func<T, Task> check, PCG root, int iter, int threads)
    {
        async Task<(int, string, Exception)?> RunCase(int i)
        {
            var pcg = new PCG(root.Stream, Mix(root.Seed + (ulong)i));
            var caseSeed = pcg.ToString(pcg.State);
            try
            {
                await check(gen.Generate(pcg, null, out _));
                return null;
            }
            catch (Exception e)
            {
                return (i, caseSeed, e);
            }
        }

        var failures = new ConcurrentBag<(int Index, string Seed, Exception Error)>();
        var done = new ConcurrentDictionary<int, bool>();
        using var stop = new CancellationTokenSource();
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount, CancellationToken = stop.Token };
        try
        {
            await Parallel.ForAsync(0, iter, options, async (i, token) =>
            {
                done[i] = true;
                if (await RunCase(i) is { } failure)
                {
                    failures.Add(failure);
                    await stop.CancelAsync();
                }
            });
        }
        catch (OperationCanceledException) when (!failures.IsEmpty)
        {
        }

        if (failures.IsEmpty)
        {
            return null;
        }

        var first = failures.MinBy(f => f.Index);
        for (var i = 0; i < first.Index; i++)
        {
            if (!done.ContainsKey(i) && await RunCase(i) is { } earlier)
            {
                return earlier;
            }
        }

        return first;
    }

    private static async Task<Exception?> CsCheckAsync<T>(Gen<T> gen, Func<T, Task> check, string? seed, int iter, int threads, Func<T, string> print)
    {
        try
        {
            await gen.SampleAsync(check, seed: seed, iter: iter, threads: threads, print: print);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    /// <summary>SplitMix64's finalizer: neighbouring case numbers give unrelated PCG seeds.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private sealed class Counter
    {
        public int Cases;
        public int Failed;
    }
}
