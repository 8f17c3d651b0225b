using System.Diagnostics;
using System.Globalization;
using Roster.Testing;
using Roster.Testing.HAProxy;
using Roster.Testing.Network;
using Roster.Testing.Processes;
using Roster.Testing.Repository;

namespace Roster.Bench.Churn;

/// <summary>
/// The seed's approach: `roster template` renders examples/seed/advanced.cfg.template on every registry change and runs
/// bench/seed/haproxy-restart-st.sh, which starts a new daemon HAProxy that hard-stops (-st) the old one.
/// </summary>
internal sealed class SeedFront : IChurnFront
{
    private readonly RunDirectory _run;
    private readonly ChildProcess _template;
    private readonly int _port;

    private SeedFront(RunDirectory run, ChildProcess template, int port)
    {
        _run = run;
        _template = template;
        _port = port;
    }

    public Uri Url => new($"http://127.0.0.1:{_port}/");

    private string PidFile => _run.File("haproxy.pid");

    public static async Task<SeedFront> StartAsync(RosterAgentProcess agent, RunDirectory run)
    {
        var port = FreePort.Next();
        var config = run.File("advanced.cfg");
        var restart = $"sh {RepositoryRoot.Combine("bench", "seed", "haproxy-restart-st.sh")} {config}";
        var environment = new Dictionary<string, string>
        {
            ["ROSTER_HAPROXY_BIND"] = $"127.0.0.1:{port}",
            ["ROSTER_HAPROXY_PIDFILE"] = run.File("haproxy.pid"),
            ["HAPROXY"] = HAProxyBinary.Path,
        };
        string[] template = ["template", "-consul-addr", agent.Address, "-template", $"{RepositoryRoot.Combine("examples", "seed", "advanced.cfg.template")}:{config}"];

        // Render once and start HAProxy ourselves; then the watching renderer restarts it on every change.
        await using (var once = ChildProcess.Start(RosterBinary.Path, [.. template, "-once"], environment: environment))
        {
            await ExpectSuccessAsync(once);
        }

        await using (var first = ChildProcess.Start("sh", ["-c", restart], environment: environment))
        {
            await ExpectSuccessAsync(first);
        }

        template[^1] += $":{restart}";
        var watching = ChildProcess.Start(RosterBinary.Path, [.. template, "-log-level", "debug"], environment: environment);
        var front = new SeedFront(run, watching, port);
        try
        {
            await watching.WaitForLineAsync(line => line.Contains("Rendered 1 template(s)", StringComparison.Ordinal));
            await PortProbe.WaitUntilListeningAsync(port, () => watching.HasExited);
            return front;
        }
        catch
        {
            await front.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The renderer first (killing its tree ends a restart in flight), then the daemon HAProxy it left behind, which
        // is nobody's child: the pid file names it. A restart that raced the kill may have replaced it, hence the loop.
        await _template.DisposeAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            KillHAProxyFromPidFile();
            try
            {
                await PortProbe.WaitUntilClosedAsync(_port, TimeSpan.FromSeconds(2));
                return;
            }
            catch (TimeoutException)
            {
                // Another HAProxy took the port over: the pid file names it now.
            }
        }

        throw new InvalidOperationException($"the seed's HAProxy still listens on 127.0.0.1:{_port}; pid file {PidFile}");
    }

    /// <summary>How many times so far the renderer ran the restart command.</summary>
    public int Restarts => _template.StandardError.Concat(_template.StandardOutput).Count(l => l.Contains(" ran in ", StringComparison.Ordinal));

    private void KillHAProxyFromPidFile()
    {
        if (!File.Exists(PidFile) || !int.TryParse(File.ReadAllText(PidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.ProcessName == "haproxy")
            {
                process.Kill();
            }
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }

    private static async Task ExpectSuccessAsync(ChildProcess process)
    {
        var exitCode = await process.WaitForExitAsync();
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"exit code {exitCode}\n{process.Describe()}");
        }
    }
}
