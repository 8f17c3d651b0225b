using Microsoft.Extensions.Logging;
using Roster.Client;
using Roster.Templating.Runner;

namespace Roster.HAProxy.Controller;

/// <summary>
/// `roster lb --template FILE`: the user's consul-template template renders HAProxy's config. Every render is checked
/// with <c>haproxy -c</c> before it goes live; the first valid one starts HAProxy, each later one is a reload. An invalid
/// render (or a template that no longer parses after SIGHUP) leaves HAProxy serving the last good config.
/// </summary>
internal sealed partial class TemplateLbController(string template, string runDirectory, ConfigFile configFile, IHAProxyProcess haproxy, ILogger logger)
{
    private bool _started;

    public TemplateRunner Create(ConsulClient consul, ILoggerFactory loggers) => new(
        new RunnerOptions
        {
            Templates = [new TemplateSpec(template, Path.Combine(runDirectory, "rendered.cfg"), null)],
            Written = OnRenderedAsync,

            // Each render is a reload, and each reload may cost a keep-alive client a request: a burst renders once.
            Wait = new WaitSpec(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(2)),
        },
        consul,
        loggers);

    public async Task StopAsync() => await haproxy.StopAsync(CancellationToken.None);

    private async Task OnRenderedAsync(TemplateSpec spec, string text, CancellationToken cancellationToken)
    {
        if (!await configFile.WriteAsync(text, cancellationToken))
        {
            return;
        }

        if (!_started)
        {
            await haproxy.StartAsync(configFile.Path, cancellationToken);
            _started = true;
            Log.Started(logger, spec.Source);
            return;
        }

        Log.Reloaded(logger, await haproxy.ReloadAsync(cancellationToken));
    }
}
