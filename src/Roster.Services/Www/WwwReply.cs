using System.Text.Json;
using System.Text.Json.Serialization;

namespace Roster.Services.Www;

/// <summary>The seed's www reply: what a data instance answered, and the PID of the www that asked.</summary>
internal sealed record WwwReply(JsonElement Data, [property: JsonPropertyName("web_pid")] int WebPid);

/// <summary>What www answers when no data instance could be reached: an error, never a 200.</summary>
internal sealed record WwwError(string Error);
