using System.Collections.Immutable;

namespace Roster.Templating.Functions;

/// <summary>consul-template's toJSON, toJSONPretty, toUnescapedJSON, toUnescapedJSONPretty and parseJSON.</summary>
internal static class JsonFunctions
{
    public static string ToJson(object? value) => Write("toJSON", value, escapeHtml: true, indent: false);

    public static string ToJsonPretty(object? value) => Write("toJSONPretty", value, escapeHtml: true, indent: true);

    public static string ToUnescapedJson(object? value) => Write("toUnescapedJSON", value, escapeHtml: false, indent: false);

    public static string ToUnescapedJsonPretty(object? value) => Write("toUnescapedJSONPretty", value, escapeHtml: false, indent: true);

    /// <summary>Decodes s as Go's interface{} would; "" is an empty map. Errors are Go's, unwrapped, as in consul-template.</summary>
    public static object? ParseJson(string s) => s.Length == 0 ? ImmutableDictionary<string, object?>.Empty : GoJsonReader.Read(s);

    // consul-template wraps marshal errors with the function name (errors.Wrap).
    private static string Write(string name, object? value, bool escapeHtml, bool indent)
    {
        try
        {
            return GoJsonWriter.Write(value, escapeHtml, indent);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"{name}: {e.Message}", e);
        }
    }
}
