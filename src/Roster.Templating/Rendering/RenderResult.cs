using Roster.Templating.Dependencies;
using Roster.Templating.Execution;

namespace Roster.Templating.Rendering;

/// <summary>What one execution of a template produced: its text when complete, what it read, and what stopped it.</summary>
internal sealed record RenderResult(string? Output, IReadOnlyCollection<IDependency> Used, IReadOnlySet<string> Missing, TemplateException? Error)
{
    /// <summary>Every dependency had data and the template ran without error: the output may be written.</summary>
    public bool IsComplete => Output is not null && Missing.Count == 0 && Error is null;
}
