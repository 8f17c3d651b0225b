using Roster.Templating.Data;

namespace Roster.Templating.Functions;

/// <summary>consul-template's pure template functions (no Consul queries), under consul-template's names.</summary>
public static class ConsulTemplateFunctions
{
    /// <summary>The pure functions, <c>timestamp</c> reading <paramref name="time"/> and <c>env</c> reading <paramref name="environment"/> (null = unset).</summary>
    public static IEnumerable<KeyValuePair<string, Delegate>> Pure(TimeProvider time, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(environment);
        var clock = new TimeFunctions(time);
        var env = new EnvironmentFunctions(environment);
        return new Dictionary<string, Delegate>(StringComparer.Ordinal)
        {
            // Grouping and KV shaping.
            ["byTag"] = GroupingFunctions.ByTag,
            ["byKey"] = GroupingFunctions.ByKey,
            ["byPort"] = GroupingFunctions.ByPort,
            ["byMeta"] = GroupingFunctions.ByMeta,
            ["explode"] = KeyValueFunctions.Explode,
            ["explodeMap"] = KeyValueFunctions.ExplodeMap,

            // Membership and loops.
            ["contains"] = CollectionFunctions.Contains,
            ["containsAll"] = CollectionFunctions.ContainsAll,
            ["containsAny"] = CollectionFunctions.ContainsAny,
            ["containsNone"] = CollectionFunctions.ContainsNone,
            ["containsNotAll"] = CollectionFunctions.ContainsNotAll,
            ["in"] = CollectionFunctions.In,
            ["loop"] = CollectionFunctions.Loop,

            // Strings.
            ["join"] = StringFunctions.Join,
            ["split"] = StringFunctions.Split,
            ["splitToMap"] = StringFunctions.SplitToMap,
            ["replaceAll"] = StringFunctions.ReplaceAll,
            ["regexReplaceAll"] = RegexFunctions.RegexReplaceAll,
            ["regexMatch"] = RegexFunctions.RegexMatch,
            ["toLower"] = StringFunctions.ToLower,
            ["toUpper"] = StringFunctions.ToUpper,
            ["toTitle"] = StringFunctions.ToTitle,
            ["trimSpace"] = StringFunctions.TrimSpace,
            ["trim"] = StringFunctions.Trim,
            ["trimPrefix"] = StringFunctions.TrimPrefix,
            ["trimSuffix"] = StringFunctions.TrimSuffix,
            ["indent"] = StringFunctions.Indent,

            // JSON and conversions.
            ["toJSON"] = JsonFunctions.ToJson,
            ["toJSONPretty"] = JsonFunctions.ToJsonPretty,
            ["toUnescapedJSON"] = JsonFunctions.ToUnescapedJson,
            ["toUnescapedJSONPretty"] = JsonFunctions.ToUnescapedJsonPretty,
            ["parseJSON"] = JsonFunctions.ParseJson,
            ["parseInt"] = ConversionFunctions.ParseInt,
            ["parseUint"] = ConversionFunctions.ParseUint,
            ["parseBool"] = ConversionFunctions.ParseBool,
            ["parseFloat"] = ConversionFunctions.ParseFloat,

            // Math: the piped value is the left operand.
            ["add"] = MathFunctions.Add,
            ["subtract"] = MathFunctions.Subtract,
            ["multiply"] = MathFunctions.Multiply,
            ["divide"] = MathFunctions.Divide,
            ["modulo"] = MathFunctions.Modulo,
            ["minimum"] = MathFunctions.Minimum,
            ["maximum"] = MathFunctions.Maximum,

            // Time, environment, encodings.
            ["timestamp"] = clock.Timestamp,
            ["env"] = env.Env,
            ["envOrDefault"] = env.EnvOrDefault,
            ["mustEnv"] = env.MustEnv,
            ["base64Encode"] = EncodingFunctions.Base64Encode,
            ["base64Decode"] = EncodingFunctions.Base64Decode,
            ["base64URLEncode"] = EncodingFunctions.Base64UrlEncode,
            ["base64URLDecode"] = EncodingFunctions.Base64UrlDecode,
            ["sha256Hex"] = EncodingFunctions.Sha256Hex,
            ["md5sum"] = EncodingFunctions.Md5Sum,
            ["hmacSHA256Hex"] = EncodingFunctions.HmacSha256Hex,
        };
    }
}
