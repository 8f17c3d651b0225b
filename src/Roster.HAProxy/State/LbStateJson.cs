using System.Text.Json;
using System.Text.Json.Serialization;

namespace Roster.HAProxy.State;

/// <summary>The JSON of <see cref="LbState"/>, camelCase as the browser reads it; source-generated so it trims and AOT-compiles.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = false)]
[JsonSerializable(typeof(LbState))]
public sealed partial class LbStateJson : JsonSerializerContext;
