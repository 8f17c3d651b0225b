using Roster.Templating.Execution;
using Roster.Templating.Runner;

namespace Roster.Templating.Rendering;

/// <summary>One -template: its spec, its parsed template bound to a render scope, and its rendering state.</summary>
internal sealed class TemplateUnit
{
    private readonly RenderScope _scope;

    private TemplateUnit(TemplateSpec spec, GoTemplate template, RenderScope scope)
    {
        Spec = spec;
        Template = template;
        _scope = scope;
    }

    public TemplateSpec Spec { get; }

    public GoTemplate Template { get; }

    /// <summary>The last output written (or printed with -dry); null before the first.</summary>
    public string? Written { get; set; }

    /// <summary>The newest output waiting for quiescence to end; null when none is waiting.</summary>
    public string? Pending { get; set; }

    /// <summary>
    /// Reads and parses the source file; the template is named after the path given, so errors read
    /// <c>template: ./haproxy.cfg.ctmpl:12:7: …</c> as consul-template's do.
    /// </summary>
    /// <exception cref="TemplateException">The template does not parse.</exception>
    /// <exception cref="IOException">The source cannot be read.</exception>
    public static TemplateUnit Load(TemplateSpec spec, FunctionTable functions)
    {
        var scope = new RenderScope();
        var text = File.ReadAllText(spec.Source);
        // consul-template runs with missingkey=zero (error_on_missing_key is off by default).
        var template = GoTemplate.Parse(spec.Source, text, functions.With(RegistryFunctions.Create(scope))).WithMissingKey(MissingKey.Zero);
        return new TemplateUnit(spec, template, scope);
    }

    public RenderResult Render(Brain brain)
    {
        var pass = _scope.Begin(brain);
        try
        {
            var output = Template.Execute(null);
            return new RenderResult(output, pass.Used, pass.Missing, null);
        }
        catch (TemplateException e)
        {
            // An error while data is still missing is expected (index of an empty list): wait for the data instead.
            return new RenderResult(null, pass.Used, pass.Missing, pass.Missing.Count > 0 ? null : e);
        }
        finally
        {
            _scope.End();
        }
    }
}
