namespace Roster.Fuzz.Tests;

/// <summary>A case of a property's fixed run failed: the message names its seed and CsCheck's shrunk case.</summary>
internal sealed class FuzzFailedException(string message, Exception inner) : Exception(message, inner);
