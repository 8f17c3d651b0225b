using System.Collections.Concurrent;
using System.Reflection;

namespace Roster.Templating.Execution;

/// <summary>
/// Resolves <c>.Name</c> on a struct-like object to a public instance method (Go checks methods first)
/// or a public property or field, once per (type, name), since templates are rendered many times.
/// </summary>
internal static class MemberCache
{
    private static readonly ConcurrentDictionary<(Type Type, string Name), Member?> Cache = new();

    public static Member? Lookup(Type type, string name) => Cache.GetOrAdd((type, name), static key => Resolve(key.Type, key.Name));

    private static Member? Resolve(Type type, string name)
    {
        const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance;
        var method = type.GetMethods(Public)
            .Where(m => m.Name == name && !m.IsSpecialName && !m.IsGenericMethodDefinition && m.DeclaringType != typeof(object))
            .OrderBy(m => m.GetParameters().Length)
            .FirstOrDefault();
        if (method is not null)
        {
            return new Member(null, Callable.FromMethod(method));
        }

        if (type.GetProperty(name, Public) is { CanRead: true } property && property.GetIndexParameters().Length == 0)
        {
            return new Member(property.GetValue, null);
        }

        return type.GetField(name, Public) is { } field ? new Member(field.GetValue, null) : null;
    }

    /// <summary>Either a value getter (property or field) or a method to call with the command's arguments.</summary>
    internal sealed record Member(Func<object?, object?>? Getter, Callable? Method);
}
