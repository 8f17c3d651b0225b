using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.ServiceDiscovery;

namespace Roster.Client.Discovery;

/// <summary>Resolves <c>http://NAME</c> to the passing instances of service NAME, as the registry last reported them.</summary>
internal sealed class ConsulEndpointProviderFactory(PassingInstances instances) : IServiceEndpointProviderFactory
{
    public bool TryCreateProvider(ServiceEndpointQuery query, [NotNullWhen(true)] out IServiceEndpointProvider? provider)
    {
        provider = new ConsulEndpointProvider(instances.For(query.ServiceName));
        return true;
    }
}

/// <summary>Fills the resolver's endpoints from the tracker, with the token that fires on the registry's next answer.</summary>
internal sealed class ConsulEndpointProvider(InstanceTracker tracker) : IServiceEndpointProvider
{
    public async ValueTask PopulateAsync(IServiceEndpointBuilder endpoints, CancellationToken cancellationToken)
    {
        var set = await tracker.CurrentAsync(cancellationToken);
        foreach (var endpoint in set.Endpoints)
        {
            endpoints.Endpoints.Add(ServiceEndpoint.Create(endpoint));
        }

        endpoints.AddChangeToken(set.Changed);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
