using System.Globalization;
using Roster.Bench.Reporting;

namespace Roster.Bench.Templates;

/// <summary>Prints the template figures as a Markdown table next to the goals they are measured against.</summary>
internal static class TemplateReport
{
    public static string Render(TemplateFigures f)
    {
        var table = new MarkdownTable("figure", "p50", "p99", "goal")
            .Add($"render advanced.cfg.template over {f.Instances} instances (parse once: {Ms(f.Render.Parse)})", Ms(f.Render.P50), Ms(f.Render.P99), "< 5 ms")
            .Add($"registration -> file rewritten, {f.RegistrationToFile.Count} registrations 150 ms apart", Ms(Percentile.Of(f.RegistrationToFile, 0.5)), Ms(Percentile.Of(f.RegistrationToFile, 0.99)), "");
        return $"roster template ({Environment.ProcessorCount} cores, everything on 127.0.0.1)\n\n{table}";
    }

    private static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString("0.00", CultureInfo.InvariantCulture) + " ms";
}
