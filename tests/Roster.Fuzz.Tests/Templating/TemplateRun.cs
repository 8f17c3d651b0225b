using System.Globalization;
using System.Text.RegularExpressions;
using Roster.Templating.Execution;
using Roster.Templating.Functions;

namespace Roster.Fuzz.Tests.Templating;

/// <summary>
/// One fuzz case: parse and execute a template under a time bound, and say what went wrong if anything did. The only
/// acceptable failure is the library's <see cref="TemplateException"/> with Go's <c>template: NAME:LINE:COL: …</c> shape.
/// </summary>
internal static partial class TemplateRun
{
    public const string Name = "fuzz";

    /// <summary>Far above what any case needs (a few ms); only a hang or an exponential blow-up reaches it.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    /// <summary>A step budget small enough that a silent loop ends in milliseconds rather than at the default's seconds.</summary>
    public const long MaxSteps = 1_000_000;

    /// <summary>Output past this means a template that multiplies text without end; the writer stops it.</summary>
    private const int MaxOutputChars = 1 << 20;

    public static readonly FunctionTable Functions =
        FunctionTable.Builtins.With(ConsulTemplateFunctions.Pure(TimeProvider.System, _ => "env-value"));

    /// <summary>Dot: a map with the kinds of values consul-template hands a template (strings, numbers, lists, maps, records).</summary>
    public static readonly Dictionary<string, object?> Data = new(StringComparer.Ordinal)
    {
        ["Name"] = "www",
        ["Port"] = 20001L,
        ["Ratio"] = 1.5,
        ["Ok"] = true,
        ["Nil"] = null,
        ["Tags"] = new List<object?> { "blue", "v1", "é" },
        ["Numbers"] = new List<long> { 3, 1, 2 },
        ["A"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["B"] = "ab", ["C"] = new List<object?> { 1L, "x" } },
        ["Services"] = new List<object?> { new ServiceRow("www", "127.0.0.1", 20001, ["blue"]), new ServiceRow("data", "::1", 30001, []) },
    };

    /// <summary>Null when the case behaved; otherwise what it did wrong.</summary>
    public static string? Problem(string text)
    {
        var run = Task.Run(() => Outcome(text));
        if (!run.Wait(Bound))
        {
            return $"no result within {Bound.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s (hang or blow-up)";
        }

        return run.Result;
    }

    private static string? Outcome(string text)
    {
        try
        {
            var template = GoTemplate.Parse(Name, text, Functions).WithMaxSteps(MaxSteps);
            using var output = new BoundedWriter(MaxOutputChars);
            template.Execute(output, Data);
            return null;
        }
        catch (Exception e) when (e is OutputLimitException || e.InnerException is OutputLimitException)
        {
            // A template that writes more than a case may is legal (Go would write it all); the bound is the test's.
            return null;
        }
        catch (TemplateException e) when (Positioned().IsMatch(e.Message))
        {
            return null;
        }
        catch (TemplateException e)
        {
            return $"TemplateException without a {Name}:line:col position: {e.Message}";
        }
#pragma warning disable CA1031 // The point: any other exception type is the finding.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return $"{e.GetType().Name}: {e.Message}\n{e.StackTrace}";
        }
    }

    /// <summary>Go's shape: <c>template: NAME:LINE:COL: </c> (execution errors go on with <c>executing "NAME" at &lt;…&gt;</c>).</summary>
    [GeneratedRegex($@"^template: {Name}:\d+:\d+: ")]
    private static partial Regex Positioned();

    internal sealed record ServiceRow(string Name, string Address, int Port, IReadOnlyList<string> Tags);
}
