namespace Roster.Protocol.Json;

/// <summary>
/// Request-body keys Consul knows for this type but Roster does not use (Connect, enterprise fields, a check's <c>ServiceID</c>):
/// the decoder accepts and drops them, so strict decoding does not reject what a real client legitimately sends.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class IgnoredFieldsAttribute(params string[] names) : Attribute
{
    public IReadOnlyList<string> Names { get; } = names;
}
