using System.Text.Json.Serialization;

namespace Roster.Services.Data;

/// <summary>The seed's data reply: a random number and the PID that made it.</summary>
internal sealed record DataReply(int Data, [property: JsonPropertyName("data_pid")] int DataPid);
