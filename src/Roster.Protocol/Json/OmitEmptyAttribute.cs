namespace Roster.Protocol.Json;

/// <summary>
/// Go's <c>json:",omitempty"</c>: the property is not written when it is null, <c>""</c>, <c>false</c>, zero or an empty
/// collection. Honoured by <see cref="ConsulJson.ResponseOptions"/>; other options ignore it.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class OmitEmptyAttribute : Attribute;
