using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Roster.Testing;
using Roster.Testing.Load;
using Roster.Testing.Network;
using Roster.Testing.Processes;
using Roster.Testing.Repository;
using Roster.Testing.Services;

namespace Roster.EndToEnd.Tests.Faults;

/// <summary>
/// The seed's system as separate real processes, for a fault test to break one part of: an agent on a fixed port (so it
/// can be restarted where the others look for it), `roster service data|www`, and `roster lb` in front of real HAProxy.
/// Disposing stops everything it started, the lb first.
/// </summary>
internal sealed partial class FaultStack : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _services = [];
    private readonly List<Func<Task>> _beforeRunDeleted = [];
    private int _disposed;

    private FaultStack(RosterAgentProcess agent) => Agent = agent;

    public RunDirectory Run { get; } = new();

    public RosterAgentProcess Agent { get; private set; }

    public int Frontend { get; } = FreePort.Next();

    public Uri Url => new($"http://127.0.0.1:{Frontend}/");

    public ChildProcess Lb { get; private set; } = null!;

    /// <summary>HAProxy's master, from the lb's "listening" line.</summary>
    public int MasterPid { get; private set; }

    public static async Task<FaultStack> StartAgentAsync(params string[] agentArguments) =>
        new(await RosterAgentProcess.StartAsync(["-http-addr", $"127.0.0.1:{FreePort.Next()}", .. agentArguments]));

    public async Task<RosterService> StartServiceAsync(string name)
    {
        var service = await RosterService.StartAsync(name, "--consul", Agent.Address);
        _services.Add(service);
        return service;
    }

    /// <summary>Starts `roster lb` (runtime mode unless the arguments say otherwise) and waits until HAProxy listens.</summary>
    public async Task StartLbAsync(IReadOnlyList<string>? extraArguments = null, IReadOnlyDictionary<string, string>? environment = null, string? runDirectory = null)
    {
        string[] bind = environment?.ContainsKey("ROSTER_HAPROXY_BIND") == true ? [] : ["--bind", $"127.0.0.1:{Frontend}"];
        Lb = ChildProcess.Start(
            RosterBinary.Path, ["lb", "--consul", Agent.Address, .. bind, "--run-dir", runDirectory ?? Run.File("lb"), .. extraArguments ?? []], environment: environment);
        var listening = await Lb.WaitForLineAsync(line => line.Contains("lb listening on", StringComparison.Ordinal));
        MasterPid = int.Parse(HAProxyPid().Match(listening).Groups["pid"].Value, CultureInfo.InvariantCulture);
        // Never signal pid 0 or 1: kill(0) is the whole process group, this test host included.
        Assert.True(MasterPid > 1, listening);
    }

    /// <summary>SIGKILLs the agent and starts a new one on the same address, with the same arguments; returns when it listens.</summary>
    public async Task RestartAgentAsync(params string[] agentArguments)
    {
        var address = Agent.Address;
        Agent.Process.Signal(UnixSignal.Kill);
        await Agent.Process.WaitForExitAsync();
        await Agent.DisposeAsync();
        Agent = await RosterAgentProcess.StartAsync(["-http-addr", address, .. agentArguments]);
    }

    /// <summary>
    /// Asks HAProxy one request at a time until every one of <paramref name="wwwPids"/> has answered. A readiness wait,
    /// not a measurement: a 5xx means "not yet" (HAProxy has no server before the lb's first answer; a www asks the
    /// registry for data only on its first request, which a busy machine can take past www's 5 s client timeout).
    /// Anything else that is not a 200 fails.
    /// </summary>
    public async Task UntilServedByAsync(IReadOnlyCollection<int> wwwPids)
    {
        var seen = new HashSet<int>();
        using var deadline = new CancellationTokenSource(Timeouts.Ready);
        while (!seen.IsSupersetOf(wwwPids))
        {
            await using var connection = await StrictHttpConnection.OpenAsync(new IPEndPoint(IPAddress.Loopback, Frontend), deadline.Token);
            var response = await connection.GetAsync("/", deadline.Token);
            if (response.Status >= 500)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
                continue;
            }

            Assert.True(response.Status == 200, $"HTTP {response.Status}: {response.Body}");
            seen.Add(WwwReply.Parse(response.Body).WebPid);
        }
    }

    /// <summary>The PIDs of HAProxy's workers: the master's children.</summary>
    public IReadOnlyList<int> Workers() =>
        [.. File.ReadAllText($"/proc/{MasterPid}/task/{MasterPid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => int.Parse(p, CultureInfo.InvariantCulture))];

    /// <summary>Starts the agent, then runs <paramref name="setUp"/>; if that fails, stops whatever it started before rethrowing.</summary>
    public static async Task<FaultStack> StartAsync(Func<FaultStack, Task> setUp)
    {
        var stack = await StartAgentAsync();
        try
        {
            await setUp(stack);
            return stack;
        }
        catch
        {
            // xUnit does not dispose a test class whose InitializeAsync threw: nothing may outlive the failure.
            await stack.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (Lb is not null)
        {
            await Lb.DisposeAsync();
        }

        foreach (var service in Enumerable.Reverse(_services))
        {
            await service.DisposeAsync();
        }

        await Agent.DisposeAsync();
        foreach (var cleanup in _beforeRunDeleted)
        {
            await cleanup();
        }

        Run.Dispose();
    }

    /// <summary>Runs once every process is gone and before the run directory is deleted (e.g. to unmount something in it).</summary>
    public void BeforeRunDeleted(Func<Task> cleanup) => _beforeRunDeleted.Add(cleanup);

    [GeneratedRegex(@"haproxy pid (?<pid>\d+)")]
    private static partial Regex HAProxyPid();
}
