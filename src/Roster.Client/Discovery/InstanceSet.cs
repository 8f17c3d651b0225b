using System.Net;
using Microsoft.Extensions.Primitives;

namespace Roster.Client.Discovery;

/// <summary>The passing instances of a service at one registry index, and a token that fires when the registry reports anything newer.</summary>
internal sealed record InstanceSet(IReadOnlyList<EndPoint> Endpoints, IChangeToken Changed);
