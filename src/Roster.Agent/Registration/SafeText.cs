namespace Roster.Agent.Registration;

/// <summary>
/// Names, IDs, addresses and tags end up in HAProxy configs and DNS answers downstream. Whitespace or a control
/// character in one could inject config lines, so they are refused at the door.
/// </summary>
internal static class SafeText
{
    public static bool IsSafe(string? value) => value is null || !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    public static void Require(string? value, string what)
    {
        if (!IsSafe(value))
        {
            throw RegistrationError.BadRequest($"Invalid {what} {Quote(value!)}: whitespace and control characters are not allowed");
        }
    }

    /// <summary>Quotes a value for an error message with control characters escaped, so the message stays one line.</summary>
    public static string Quote(string value) =>
        "\"" + string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString())) + "\"";
}
