using Roster.Testing;
using Roster.Testing.Processes;
using Roster.Testing.Repository;

namespace Roster.Cli.Tests.Packaging;

/// <summary>roster ships as a .NET tool: packed, installed from a local folder, and run from where the tool lives.</summary>
public sealed class ToolPackageTests
{
    private static readonly TimeSpan DotnetLimit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Pack_InstalledFromALocalFolder_RunsAsRoster()
    {
        using var work = new RunDirectory();
        var packages = work.File("packages");
        var tools = work.File("tools");

        // --no-build packs the Debug build the test command has just made: the same bits, no second compile.
        await DotnetAsync("pack", RepositoryRoot.Combine("src", "Roster.Cli", "Roster.Cli.csproj"), "-c", "Debug", "--no-build", "-o", packages, "-nologo");
        Assert.Single(Directory.GetFiles(packages, "Roster.Cli.*.nupkg"));
        await DotnetAsync("tool", "install", "--tool-path", tools, "--add-source", packages, "Roster.Cli");

        await using var version = ChildProcess.Start(Path.Combine(tools, "roster"), ["--version"]);
        Assert.Equal(0, await version.WaitForExitAsync());
        Assert.Matches(@"^\d+\.\d+\.\d+", Assert.Single(version.StandardOutput));
        await using var usage = ChildProcess.Start(Path.Combine(tools, "roster"), ["scale", "nope=1"]);
        Assert.Equal(2, await usage.WaitForExitAsync());
    }

    private static async Task DotnetAsync(params string[] arguments)
    {
        await using var dotnet = ChildProcess.Start("dotnet", arguments, environment: new Dictionary<string, string> { ["DOTNET_NOLOGO"] = "1" });
        var exit = await dotnet.WaitForExitAsync(DotnetLimit);
        Assert.True(exit == 0, dotnet.Describe());
    }
}
