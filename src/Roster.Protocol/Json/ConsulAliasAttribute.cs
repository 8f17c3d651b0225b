namespace Roster.Protocol.Json;

/// <summary>
/// Extra request-body keys Consul accepts for this property (its snake_case aliases, e.g. <c>deregister_critical_service_after</c>),
/// in Consul's order of preference. They are matched case-insensitively like any other key; the alias is used only when the
/// property's own key is absent or holds Go's zero value (<c>""</c>, <c>false</c>, <c>0</c>, empty), which is how Consul's
/// <c>UnmarshalJSON</c> methods merge them. For a duration, only an absent or <c>null</c> own key gives way.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class ConsulAliasAttribute(params string[] names) : Attribute
{
    public IReadOnlyList<string> Names { get; } = names;
}
