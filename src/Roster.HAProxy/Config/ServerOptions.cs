using System.Globalization;

namespace Roster.HAProxy.Config;

/// <summary>
/// The options every server carries, in the config and in <c>add server</c> alike: a dynamic server inherits
/// nothing from <c>default-server</c>, so the options are spelled out on each server, from this one place.
/// </summary>
internal static class ServerOptions
{
    /// <summary>
    /// <c>check inter N fall 2 rise 1</c>: fast checks, back in after one success. <c>observe layer4 error-limit 1
    /// on-error mark-down</c>: a refused connection marks the server down at once (about 25 ms after a crash instead
    /// of a second). <c>pool-max-conn -1 pool-purge-delay 5s</c>: dynamic servers keep no idle connections otherwise,
    /// which costs one new connection per request.
    /// </summary>
    public static string For(LbConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var inter = (long)config.CheckInter.TotalMilliseconds;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"check inter {inter} fall 2 rise 1 observe layer4 error-limit 1 on-error mark-down pool-max-conn -1 pool-purge-delay 5s");
    }
}
