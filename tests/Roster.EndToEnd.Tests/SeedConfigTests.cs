using Roster.Testing.HAProxy;
using Roster.Testing.Processes;

namespace Roster.EndToEnd.Tests;

public sealed class SeedConfigTests
{
    [Fact]
    public async Task BasicCfg_AsShipped_IsValidForHAProxyWithoutWarnings()
    {
        // -dW turns warnings into errors: the walkthrough's config should not greet users with any.
        await using var check = ChildProcess.Start(HAProxyBinary.Path, ["-c", "-dW", "-f", SeedConfig.BasicPath]);

        Assert.True(await check.WaitForExitAsync() == 0, check.Describe());
        Assert.Contains("Configuration file is valid", check.StandardOutput);
    }
}
