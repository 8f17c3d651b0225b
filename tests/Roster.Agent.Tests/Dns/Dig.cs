using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Roster.Agent.Tests.Dns;

/// <summary>Runs the real <c>dig</c> (bind9-dnsutils) against the agent, bounded by a timeout.</summary>
internal static class Dig
{
    public static async Task<string[]> RunAsync(IPEndPoint server, params string[] arguments)
    {
        var start = new ProcessStartInfo("dig")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["@" + server.Address, "-p", server.Port.ToString(CultureInfo.InvariantCulture), "+time=5", "+tries=1", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(DnsAgent.Patience);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"dig {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}");
        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
