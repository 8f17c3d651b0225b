using System.Text.Json.Serialization;
using Roster.Services.BasicWeb;
using Roster.Services.Data;
using Roster.Services.Www;

namespace Roster.Services.Json;

/// <summary>
/// The replies' serializers, generated at build time: a new instance's first reply then needs no reflection, which is
/// most of what made it slow (it counts towards how fast a new instance takes traffic).
/// </summary>
[JsonSerializable(typeof(DataReply))]
[JsonSerializable(typeof(WwwReply))]
[JsonSerializable(typeof(WwwError))]
[JsonSerializable(typeof(BasicWebReply))]
internal sealed partial class ServicesJsonContext : JsonSerializerContext;
