using System.Net;
using Roster.Testing;
using Roster.Testing.Load;
using Roster.Testing.Processes;
using Roster.Testing.Reliability;
using Roster.Testing.Repository;
using Roster.Testing.Services;

namespace Roster.EndToEnd.Tests.Faults;

/// <summary>
/// `roster lb --template FILE` (the seed's template) when the next config cannot come: the template is broken and
/// SIGHUP re-reads it, or the rendered file cannot be written (read-only run directory, full disk). Each time a www
/// joins or the template changes under a non-retrying load: the last good config keeps serving, no request fails, and
/// the lb says why on its output. LoadBalancerTemplateTests shows the broken template with single requests.
/// </summary>
[Trait(ReliabilityKind.Trait, ReliabilityKind.Fault)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class TemplateFaultTests : IAsyncLifetime
{
    private FaultStack _stack = null!;
    private RosterService _www = null!;
    private string _template = null!;

    public async Task InitializeAsync() => _stack = await FaultStack.StartAsync(async stack =>
    {
        _template = stack.Run.File("advanced.cfg.template");
        File.Copy(RepositoryRoot.Combine("examples", "seed", "advanced.cfg.template"), _template);
        await stack.StartServiceAsync("data");
        _www = await stack.StartServiceAsync("www");
    });

    public async Task DisposeAsync()
    {
        // Null when InitializeAsync failed: StartAsync has stopped what it started.
        if (_stack is not null)
        {
            await _stack.DisposeAsync();
        }
    }

    [Fact]
    public async Task Template_BrokenAndReloadedWithSighupUnderLoad_LastGoodConfigServesAndTheErrorIsLogged()
    {
        await StartLbAsync(_stack.Run.File("lb"));
        string? refused = null;

        var load = await LoadDuring.RunAsync(_stack.Url, async () =>
        {
            await File.WriteAllTextAsync(_template, "global\n    {{ range service \"www\" }}\n");
            _stack.Lb.Signal(UnixSignal.HangUp);
            refused = await _stack.Lb.WaitForLineAsync(line => line.Contains("Reload failed", StringComparison.Ordinal));
        });

        Record("template rewritten with a syntax error, then SIGHUP to `roster lb --template`", load);
        Assert.True(load.Failures.Count == 0, load.Summary());
        Assert.Contains("advanced.cfg.template:", refused, StringComparison.Ordinal);
        await AllFromAsync(_www.Pid);
    }

    [Fact]
    public async Task Render_RunDirectoryReadOnlyWhenAWwwJoins_LastGoodConfigServesAndTheErrorIsLogged()
    {
        var runDirectory = _stack.Run.File("lb");
        // Root writes through file modes, so as root the run directory is a tmpfs remounted read-only.
        var mount = MountPoint.IsRoot ? await MountPoint.TmpfsAsync(runDirectory, 4096) : null;
        if (mount is not null)
        {
            _stack.BeforeRunDeleted(mount.UnmountAsync);
        }

        await StartLbAsync(runDirectory);
        if (mount is not null)
        {
            await mount.ReadOnlyAsync();
        }
        else
        {
            var mode = File.GetUnixFileMode(runDirectory);
            File.SetUnixFileMode(runDirectory, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            _stack.BeforeRunDeleted(() => Task.Run(() => File.SetUnixFileMode(runDirectory, mode)));
        }

        var failed = await UnwritableRenderUnderLoadAsync($"run directory made read-only ({(mount is null ? "chmod 0500" : "tmpfs remounted ro")}), then a second www joins");
        Assert.Contains(mount is null ? "denied" : "Read-only", failed, StringComparison.OrdinalIgnoreCase);
    }

    [RootFact("to mount a small tmpfs and fill it")]
    public async Task Render_DiskFullWhenAWwwJoins_LastGoodConfigServesAndTheErrorIsLogged()
    {
        var mount = await MountPoint.TmpfsAsync(_stack.Run.File("lb"), 1024);
        _stack.BeforeRunDeleted(mount.UnmountAsync);
        await StartLbAsync(mount.Path);
        mount.Fill();

        var failed = await UnwritableRenderUnderLoadAsync("run directory on a 1 MB tmpfs filled to the last byte, then a second www joins");
        Assert.Contains("No space left", failed, StringComparison.Ordinal);
    }

    // A second www joins while the render cannot be written: the write fails, HAProxy keeps the config it has (one www).
    private async Task<string> UnwritableRenderUnderLoadAsync(string tried, [System.Runtime.CompilerServices.CallerMemberName] string method = "")
    {
        string? failed = null;
        var load = await LoadDuring.RunAsync(_stack.Url, async () =>
        {
            await _stack.StartServiceAsync("www");
            failed = await _stack.Lb.WaitForLineAsync(line => line.Contains("Could not write", StringComparison.Ordinal));
        });

        Record(tried, load, method);
        Assert.True(load.Failures.Count == 0, load.Summary());
        Assert.Contains("rendered.cfg", failed, StringComparison.Ordinal);
        await AllFromAsync(_www.Pid);
        return failed!;
    }

    private async Task StartLbAsync(string runDirectory)
    {
        await _stack.StartLbAsync(
            ["--template", _template], new Dictionary<string, string> { ["ROSTER_HAPROXY_BIND"] = $"127.0.0.1:{_stack.Frontend}" }, runDirectory);
        await _stack.UntilServedByAsync([_www.Pid]);
    }

    // The config HAProxy runs is still the last good one: every reply comes from the www it names.
    private async Task AllFromAsync(int wwwPid)
    {
        await using var connection = await StrictHttpConnection.OpenAsync(new IPEndPoint(IPAddress.Loopback, _stack.Frontend));
        for (var i = 0; i < 8; i++)
        {
            var response = await connection.GetAsync("/");
            Assert.Equal(200, response.Status);
            Assert.Equal(wwwPid, WwwReply.Parse(response.Body).WebPid);
        }
    }

    private static void Record(string tried, LoadTally load, [System.Runtime.CompilerServices.CallerMemberName] string method = "") =>
        ReliabilityLog.Record<TemplateFaultTests>(
            ReliabilityKind.Fault, tried + "; non-retrying load through HAProxy", load.Requests, "requests", load.Failures.Count, load.Summary(), method: method);
}
