using Microsoft.Extensions.Logging;

namespace Roster.HAProxy.Controller;

internal sealed partial class ServerReconciler
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Servers: {Added} added, {Removed} removed, {Enabled} enabled; {Total} in the backend")]
        public static partial void Reconciled(ILogger logger, int added, int removed, int enabled, int total);

        [LoggerMessage(2, LogLevel.Information, "Added server {Name} ({Endpoint})")]
        public static partial void Added(ILogger logger, string name, string endpoint);

        [LoggerMessage(3, LogLevel.Information, "Removed server {Name} (drained first)")]
        public static partial void Removed(ILogger logger, string name);

        [LoggerMessage(4, LogLevel.Information, "Server {Name} is wanted again: ready")]
        public static partial void Enabled(ILogger logger, string name);

        [LoggerMessage(5, LogLevel.Warning, "Instance {InstanceId} on node {Node} refused, not rendered: {Reason}")]
        public static partial void Refused(ILogger logger, string instanceId, string node, string reason);
    }
}
