using System.Globalization;
using Roster.Bench.Reporting;

namespace Roster.Bench.Registry;

/// <summary>Prints the registry figures as a Markdown table next to the goals they are measured against.</summary>
internal static class RegistryReport
{
    public static string Render(RegistryFigures f)
    {
        var table = new MarkdownTable("figure", "measured", "goal")
            .Add("instances registered", $"{f.Scale.Instances} over {f.Scale.Services} services in {F(f.Registration.TotalSeconds, "0.0")} s ({f.RegistrationRate}/s)", "")
            .Add("blocking watchers", $"{f.Scale.Watchers} ({f.Scale.Watchers / f.Scale.Services} per service)", "")
            .Add("write -> watcher wake-up p50", $"{F(f.WakeP50.TotalMilliseconds, "0.0")} ms ({f.Samples} samples)", "")
            .Add("write -> watcher wake-up p99", $"{F(f.WakeP99.TotalMilliseconds, "0.0")} ms", "< 50 ms")
            .Add("health query, 1 service of 100 instances", $"{F(f.Health.RequestsPerSecond, "0")} req/s, p99 {F(f.Health.P99Ms, "0.0")} ms, {f.Health.Errors} errors", "")
            .Add("agent RSS (peak)", $"{F(f.Memory.RssMb, "0")} MB ({F(f.Memory.PeakRssMb, "0")} MB)", "< 300 MB");
        return $"Registry at scale (roster agent, {Environment.ProcessorCount} cores, everything on 127.0.0.1)\n\n{table}";
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
