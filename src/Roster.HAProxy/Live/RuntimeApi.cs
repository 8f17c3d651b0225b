using System.Globalization;
using System.Net;
using Roster.HAProxy.Controller;
using Roster.HAProxy.Servers;

namespace Roster.HAProxy.Live;

/// <summary>
/// HAProxy's Runtime API on the admin socket, as the controller uses it: the servers of a backend, added with every
/// option spelled out (dynamic servers do not inherit default-server), and removed the measured-safe way:
/// drain, wait until no session is left, maint, del (haproxy.md §2, pitfalls 2 and 3).
/// </summary>
internal sealed class RuntimeApi(string socketPath, TimeProvider time) : IServerRuntime
{
    private static readonly TimeSpan DrainPoll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlyList<CurrentServer>> ServersAsync(string backend, CancellationToken cancellationToken)
    {
        var table = StatTable.Parse(await SendAsync($"show servers state {backend}", cancellationToken), ' ');
        return
        [
            .. table.Rows.Select(row => new CurrentServer(
                table[row, "srv_name"],
                IPAddress.TryParse(table[row, "srv_addr"], out var address) ? address : null,
                int.TryParse(table[row, "srv_port"], CultureInfo.InvariantCulture, out var port) ? port : 0,
                AdminState(table[row, "srv_admin_state"]))),
        ];
    }

    public async Task AddAsync(string backend, BackendServer server, string options, CancellationToken cancellationToken)
    {
        var name = Server(backend, server.Name);
        await ExpectAsync($"add server {name} {server.Endpoint} {options}", "New server registered.", cancellationToken);
        await ExpectEmptyAsync($"enable health {name}", cancellationToken);
        await ExpectEmptyAsync($"enable server {name}", cancellationToken);
    }

    public async Task RemoveAsync(string backend, CurrentServer server, CancellationToken cancellationToken)
    {
        var name = Server(backend, server.Name);
        if (server.AdminState != ServerAdminState.Maint)
        {
            await ExpectEmptyAsync($"set server {name} state drain", cancellationToken);
            await WaitForNoSessionsAsync(backend, server.Name, cancellationToken);
            await ExpectEmptyAsync($"set server {name} state maint", cancellationToken);
        }

        // Connections that were in flight when maint was set come back to the idle pool a moment later; del waits them out.
        var started = time.GetTimestamp();
        while (true)
        {
            var reply = await SendAsync($"del server {name}", cancellationToken);
            if (reply.Contains("Server deleted.", StringComparison.Ordinal))
            {
                return;
            }

            if (!reply.Contains("still has connections", StringComparison.Ordinal) || time.GetElapsedTime(started) > DrainLimit)
            {
                throw new HAProxyCommandException($"del server {name}", reply);
            }

            await Task.Delay(DrainPoll, time, cancellationToken);
        }
    }

    public async Task EnableAsync(string backend, BackendServer server, CancellationToken cancellationToken)
    {
        var name = Server(backend, server.Name);
        await ExpectEmptyAsync($"set server {name} state ready", cancellationToken);
        await SendAsync($"enable health {name}", cancellationToken);
    }

    public async Task SaveStateAsync(string backend, string path, CancellationToken cancellationToken)
    {
        // The format load-server-state-from-file reads; written whole and renamed, so a reload never reads half of it.
        var state = await SendAsync("show servers state", cancellationToken);
        await File.WriteAllTextAsync(path + ".new", state, cancellationToken);
        File.Move(path + ".new", path, overwrite: true);
    }

    /// <summary>The sessions a server still carries (show stat's scur), for the drain.</summary>
    private async Task WaitForNoSessionsAsync(string backend, string server, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (time.GetElapsedTime(started) < DrainLimit)
        {
            var table = StatTable.Parse(await SendAsync("show stat", cancellationToken), ',');
            var row = table.Rows.FirstOrDefault(r => table[r, "pxname"] == backend && table[r, "svname"] == server, -1);
            if (row < 0 || table[row, "scur"] == "0")
            {
                return;
            }

            await Task.Delay(DrainPoll, time, cancellationToken);
        }
    }

    // srv_admin_state bits (haproxy.md §2): any MAINT bit (0x01 0x02 0x04 0x20 0x40) wins over DRAIN (0x08 0x10).
    private static ServerAdminState AdminState(string bits) =>
        int.TryParse(bits, CultureInfo.InvariantCulture, out var state) switch
        {
            false => ServerAdminState.Ready,
            true when (state & 0x67) != 0 => ServerAdminState.Maint,
            true when (state & 0x18) != 0 => ServerAdminState.Drain,
            _ => ServerAdminState.Ready,
        };

    // Names go into a command line: only HAProxy's own name characters, so none can end or extend the command.
    private static string Server(string backend, string name) =>
        HAProxyName.IsValid(backend) && HAProxyName.IsValid(name)
            ? $"{backend}/{name}"
            : throw new ArgumentException($"'{backend}/{name}' is not a valid HAProxy backend/server name");

    private async Task ExpectAsync(string command, string success, CancellationToken cancellationToken)
    {
        var reply = await SendAsync(command, cancellationToken);
        if (!reply.Contains(success, StringComparison.Ordinal))
        {
            throw new HAProxyCommandException(command, reply);
        }
    }

    private async Task ExpectEmptyAsync(string command, CancellationToken cancellationToken)
    {
        var reply = await SendAsync(command, cancellationToken);
        if (reply.Trim().Length > 0)
        {
            throw new HAProxyCommandException(command, reply);
        }
    }

    private Task<string> SendAsync(string command, CancellationToken cancellationToken) =>
        UnixSocketCommand.SendAsync(socketPath, command, cancellationToken);
}
