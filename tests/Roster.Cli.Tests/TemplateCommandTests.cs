using Roster.Testing;
using Roster.Testing.Processes;

namespace Roster.Cli.Tests;

/// <summary>`roster template` as consul-template's users run it: its flags, its exit codes, one-line errors.</summary>
public sealed class TemplateCommandTests : IDisposable
{
    private readonly RunDirectory _run = new();

    public void Dispose() => _run.Dispose();

    [Theory]
    [InlineData("-template", "", "template: cannot be empty")]
    [InlineData("-wait", "", "wait: cannot be empty")]
    [InlineData("-wait", "5s:1s", "wait: min must be less than max")]
    [InlineData("-wait", "soon", "invalid duration")]
    [InlineData("-consul-addr", "http://", "invalid agent address 'http://'")]
    public async Task Template_BadFlag_ExitsTwoWithOneLineNamingIt(string flag, string value, string named)
    {
        string[] template = flag == "-template" ? [] : ["-template", "in.tmpl:out"];

        var result = await RosterCli.RunAsync(["template", .. template, flag, value]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, Assert.Single(result.Stderr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_NoTemplateFlag_ExitsTwo()
    {
        var result = await RosterCli.RunAsync("template");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("-template", Assert.Single(result.Stderr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_OnceDry_PrintsTheRenderedFileAndExitsZero()
    {
        await using var agent = await RosterAgentProcess.StartAsync();
        await File.WriteAllTextAsync(_run.File("in.tmpl"), """{{ range services }}{{ .Name }};{{ end }}""");

        var result = await RosterCli.RunAsync(
            "template", "-consul-addr", agent.Address, "-once", "-dry", "-template", $"{_run.File("in.tmpl")}:{_run.File("out")}");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([$"> {_run.File("out")}", "consul;"], result.Stdout);
        Assert.False(File.Exists(_run.File("out")));
    }

    [Fact]
    public async Task Template_ParseError_ExitsFourteenNamingFileLineAndColumn()
    {
        await using var agent = await RosterAgentProcess.StartAsync();
        await File.WriteAllTextAsync(_run.File("bad.tmpl"), "backend www\n    {{ range service \"www\" }}\n");

        var result = await RosterCli.RunAsync("template", "-consul-addr", agent.Address, "-once", "-template", $"{_run.File("bad.tmpl")}:{_run.File("out")}");

        Assert.Equal(14, result.ExitCode);
        Assert.Contains(result.Stderr, line => line.Contains($"template: {_run.File("bad.tmpl")}:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Template_Sigterm_StopsWithConsulTemplatesInterruptCode()
    {
        await using var agent = await RosterAgentProcess.StartAsync();
        await File.WriteAllTextAsync(_run.File("in.tmpl"), """{{ range service "www" }}{{ .ID }}{{ end }}""");
        await using var template = ChildProcess.Start(
            Roster.Testing.Repository.RosterBinary.Path,
            ["template", "-consul-addr", agent.Address, "-log-level", "info", "-template", $"{_run.File("in.tmpl")}:{_run.File("out")}"]);
        await template.WaitForLineAsync(line => line.Contains("Rendered", StringComparison.Ordinal));

        template.Signal(UnixSignal.Terminate);

        Assert.Equal(12, await template.WaitForExitAsync());
    }
}
