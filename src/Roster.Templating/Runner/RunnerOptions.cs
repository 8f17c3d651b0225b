namespace Roster.Templating.Runner;

/// <summary>What <c>roster template</c> was asked to do: consul-template's flags that matter here.</summary>
public sealed record RunnerOptions
{
    /// <summary>The -template flags: source, destination, command.</summary>
    public required IReadOnlyList<TemplateSpec> Templates { get; init; }

    /// <summary>Quiescence after the first render: wait this long for changes to settle before writing again.</summary>
    public WaitSpec Wait { get; init; } = WaitSpec.None;

    /// <summary>Render every template once (when all its data is there), run the commands, and exit.</summary>
    public bool Once { get; init; }

    /// <summary>Print <c>&gt; destination</c> and the contents instead of writing; run no command.</summary>
    public bool Dry { get; init; }

    /// <summary>consul-template's default command timeout.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Extra environment for commands: CONSUL_HTTP_ADDR and CONSUL_HTTP_TOKEN, as consul-template sets them.</summary>
    public IReadOnlyDictionary<string, string> CommandEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>Called in process after a template's destination changed, with what was written (roster lb validates and reloads here).</summary>
    public Func<TemplateSpec, string, CancellationToken, Task>? Written { get; init; }
}
