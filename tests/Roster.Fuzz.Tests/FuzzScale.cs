using System.Globalization;

namespace Roster.Fuzz.Tests;

/// <summary>
/// How many cases a property runs: the bounded count the test command uses (about a minute for the whole project on
/// two cores), times ROSTER_FUZZ_SCALE, which bench/fuzz raises for a long run. Which cases run is
/// <see cref="FuzzRun"/>'s business (fixed in the test command, random in bench/fuzz).
/// </summary>
internal static class FuzzScale
{
    private static readonly double Scale =
        double.TryParse(Environment.GetEnvironmentVariable("ROSTER_FUZZ_SCALE"), NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) && scale > 0
            ? scale
            : 1;

    public static int Iterations(int bounded) => (int)Math.Max(1, Math.Min(int.MaxValue, bounded * Scale));
}
