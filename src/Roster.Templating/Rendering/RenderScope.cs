namespace Roster.Templating.Rendering;

/// <summary>
/// The pass a template's registry functions report to. A template is parsed once with its functions bound to its scope;
/// each execution sets the scope's pass, so the functions need no per-pass rebinding.
/// </summary>
internal sealed class RenderScope
{
    private RenderPass? _current;

    public RenderPass Current => _current ?? throw new InvalidOperationException("a registry function was called outside a render pass");

    public RenderPass Begin(Brain brain) => _current = new RenderPass(brain);

    public void End() => _current = null;
}
