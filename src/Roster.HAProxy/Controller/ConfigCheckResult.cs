namespace Roster.HAProxy.Controller;

/// <summary>What <c>haproxy -c</c> said of a candidate config: valid or not, and HAProxy's own words why.</summary>
internal sealed record ConfigCheckResult(bool Valid, string Reason);
