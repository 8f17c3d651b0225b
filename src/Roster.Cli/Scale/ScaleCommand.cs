using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Roster.Cli.CommandLine;
using Roster.Cli.Up;
using Roster.Client;
using Roster.Client.Watch;

namespace Roster.Cli.Scale;

/// <summary>
/// <c>roster scale www=N [data=N]</c>: writes the counts a running <c>roster up</c> follows into the registry's KV;
/// with <c>--wait</c>, returns once the registry holds that many passing instances.
/// </summary>
internal static class ScaleCommand
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(60);

    public static Command Create()
    {
        var counts = new Argument<(string Service, int Count)[]>("SERVICE=N")
        {
            Description = "How many instances of www and data to run",
            Arity = ArgumentArity.OneOrMore,
            CustomParser = ParseCounts,
        };
        var consul = Arguments.Consul();
        var wait = new Option<bool>("--wait") { Description = "Return once the registry has exactly that many passing instances of each" };
        var command = new Command("scale", "Change how many www and data instances a running 'roster up' runs") { counts, consul, wait };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            parsed.GetRequiredValue(counts), parsed.GetValue(consul) ?? ConsulClientOptions.FromEnvironment(), parsed.GetValue(wait), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        IReadOnlyList<(string Service, int Count)> counts, ConsulClientOptions registry, bool wait, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var consul = new ConsulClient(http, registry);
        try
        {
            foreach (var (service, count) in counts)
            {
                var before = await consul.Kv.GetAsync(ScaleKey.For(service), cancellationToken: cancellationToken);
                await consul.Kv.PutAsync(ScaleKey.For(service), ScaleKey.Encode(count), cancellationToken: cancellationToken);
                var was = before.Value is { } entry ? ScaleKey.Decode(entry.Value.Span)?.ToString(CultureInfo.InvariantCulture) ?? "?" : "unset";
                Console.WriteLine($"{service}: {was} -> {count}");
            }

            if (wait)
            {
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                limit.CancelAfter(WaitLimit);
                await Task.WhenAll(counts.Select(c => WaitForAsync(consul, c.Service, c.Count, limit.Token)));
            }

            return ExitCodes.Ok;
        }
        catch (HttpRequestException e)
        {
            await Console.Error.WriteLineAsync($"roster: no registry answered at {registry.Address} ({e.Message}); is 'roster up' running?");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"roster: the counts were not reached within {WaitLimit.TotalSeconds:0} s; see 'roster status'");
            return ExitCodes.Failure;
        }
    }

    private static async Task WaitForAsync(ConsulClient consul, string service, int count, CancellationToken cancellationToken)
    {
        var watch = new ConsulWatch(TimeProvider.System);
        await foreach (var result in watch.WatchAsync(
            $"health.service({service}|passing)",
            (q, ct) => consul.Health.ServiceAsync(service, passingOnly: true, options: q, cancellationToken: ct),
            cancellationToken: cancellationToken))
        {
            if (result.Value.Count == count)
            {
                Console.WriteLine($"{service}: {count} passing");
                return;
            }
        }
    }

    private static (string Service, int Count)[] ParseCounts(ArgumentResult result)
    {
        var counts = new List<(string, int)>();
        foreach (var token in result.Tokens)
        {
            var parts = token.Value.Split('=', 2);
            if (parts.Length != 2 || !ServiceFleet.Services.Contains(parts[0]))
            {
                result.AddError($"invalid scale '{token.Value}': expected www=N or data=N");
                return [];
            }

            if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > ScaleKey.MaxCount)
            {
                result.AddError($"invalid count '{parts[1]}' for {parts[0]}: expected a number from 0 to {ScaleKey.MaxCount}");
                return [];
            }

            counts.Add((parts[0], count));
        }

        return [.. counts];
    }
}
