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
            var failed = await FirstFailingSeedAsync(gen, Counted, PCG.Parse(seed), iter, threads);
            if (failed is not null)
            {
                // CsCheck runs the failing case first, then shrinks it and throws with the seed of the smallest case.
                failure = await CsCheckAsync(gen, Counted, failed.Value.Seed, iter, threads, print)
                    ?? new InvalidOperationException($"case seed {failed.Value.Seed} failed, then passed when run again: {failed.Value.Error.Message}", failed.Value.Error);
            }
        }

        return new FuzzResult(counter.Cases, counter.Failed, seeds, failure);
    }

    /// <summary>Case i of the fixed run: its own PCG, from the property's seed and i, so cases can run in parallel.</summary>
    private static async Task<(string Seed, Exception Error)?> FirstFailingSeedAsync<T>(Gen<T> gen, Func<T, Task> check, PCG root, int iter, int threads)
    {
        var failures = new ConcurrentBag<(int Index, string Seed, Exception Error)>();
        using var stop = new CancellationTokenSource();
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount, CancellationToken = stop.Token };
        try
        {
            await Parallel.ForAsync(0, iter, options, async (i, token) =>
            {
                var pcg = new PCG(root.Stream, Mix(root.Seed + (ulong)i));
                var caseSeed = pcg.ToString(pcg.State);
                var value = gen.Generate(pcg, null, out _);
                try
                {
                    await check(value);
                }
                catch (Exception e)
                {
                    failures.Add((i, caseSeed, e));
                    await stop.CancelAsync();
                }
            });
        }
        catch (OperationCanceledException) when (!failures.IsEmpty)
        {
        }

        return failures.IsEmpty ? null : failures.OrderBy(f => f.Index).Select(f => (f.Seed, f.Error)).First();
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
