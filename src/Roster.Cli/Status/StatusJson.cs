using System.Text.Json;
using System.Text.Json.Serialization;

namespace Roster.Cli.Status;

/// <summary>The JSON of <c>roster status --json</c>, source-generated.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(StatusReport))]
internal sealed partial class StatusJson : JsonSerializerContext;
