using System.Net;
using Microsoft.Extensions.Logging;
using Roster.Client.Watch;

namespace Roster.Client.Registration;

/// <summary>
/// Holds a hash-blocking read of one instance on its agent, so an agent that restarts and forgets the instance is noticed
/// at once (the held read breaks, the retry answers 404) instead of at the next heartbeat, up to TTL/3 later.
/// </summary>
internal sealed partial class AgentPresenceWatch(ConsulClient consul, TimeProvider time, ILogger logger)
{
    // Below the client's 2-minute HttpClient timeout, so a quiet minute ends as an answer, not as a failure.
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(1);

    // Short retries: an agent restart takes well under a second, and one read per instance is cheap for any agent.
    private static readonly TimeSpan RetryBase = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan RetryMax = TimeSpan.FromSeconds(1);

    // An unchanged answer that came back quickly is an agent ignoring ?hash (Consul before 1.3): this keeps it from becoming a busy loop.
    private static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(250);

    private enum Outcome
    {
        Present,
        Forgotten,
        Failed,
    }

    /// <summary>Watches until cancelled, calling <paramref name="registerAsync"/> whenever the agent no longer knows the instance.</summary>
    public async Task RunAsync(string serviceId, Func<CancellationToken, Task> registerAsync, CancellationToken cancellationToken)
    {
        string? hash = null;
        var failures = 0;
        while (true)
        {
            var started = time.GetTimestamp();
            var (outcome, latest) = await ReadAsync(serviceId, hash, cancellationToken);
            var unchanged = hash is not null && latest == hash;
            hash = latest;
            if (outcome == Outcome.Present)
            {
                failures = 0;
                if (unchanged)
                {
                    await DelayAsync(MinInterval - time.GetElapsedTime(started), cancellationToken);
                }
            }
            else if (outcome == Outcome.Failed || !await TryRegisterAsync(serviceId, registerAsync, cancellationToken))
            {
                await DelayAsync(RetryBackoff.Delay(failures++, RetryBase, RetryMax, Random.Shared.NextDouble()), cancellationToken);
            }
        }
    }

    private async Task<(Outcome, string?)> ReadAsync(string serviceId, string? hash, CancellationToken cancellationToken)
    {
        try
        {
            var service = await consul.Agent.ServiceAsync(serviceId, hash, Wait, cancellationToken: cancellationToken);
            return (Outcome.Present, service.ContentHash);
        }
        catch (ConsulException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return (Outcome.Forgotten, null);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The agent is down or restarting: expected, and retried quickly, so only Debug.
            Log.ReadFailed(logger, serviceId, e.Message);
            return (Outcome.Failed, null);
        }
    }

    private async Task<bool> TryRegisterAsync(string serviceId, Func<CancellationToken, Task> registerAsync, CancellationToken cancellationToken)
    {
        try
        {
            await registerAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            Log.RegisterFailed(logger, serviceId, e);
            return false;
        }
    }

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, time, cancellationToken) : Task.CompletedTask;
}
