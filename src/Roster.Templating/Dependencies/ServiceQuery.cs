using System.Text.RegularExpressions;

namespace Roster.Templating.Dependencies;

/// <summary>
/// The argument of <c>service</c>: <c>[tag.]name[?query][@dc][~near][|filter,...]</c>, parsed as consul-template does
/// (consul-api.md §3.11). Extra arguments are joined with <c>|</c>, so <c>service "web" "any"</c> is <c>"web|any"</c>.
/// </summary>
internal sealed partial record ServiceQuery(string Name, string? Tag, string? Datacenter, string? Near, IReadOnlyList<string> Filters)
{
    private static readonly string[] Statuses = ["any", "passing", "warning", "critical", "maintenance"];

    /// <summary>True when only passing instances are asked for: then the agent filters (<c>?passing</c>), as consul-template asks it to.</summary>
    public bool PassingOnly => Filters is ["passing"];

    /// <summary>Whether an instance with this aggregated status is kept.</summary>
    public bool Accepts(string status) => Filters.Contains("any") || Filters.Contains(status);

    /// <exception cref="FormatException">consul-template's message for a query it would refuse.</exception>
    public static ServiceQuery Parse(IReadOnlyList<string> arguments)
    {
        var text = string.Join('|', arguments);
        if (text.Length == 0)
        {
            throw new FormatException("health.service: cannot specify empty health service dependency");
        }

        var match = Grammar().Match(text);
        if (!match.Success)
        {
            throw new FormatException($"health.service: invalid format: \"{text}\"");
        }

        if (match.Groups["query"].Success)
        {
            // Namespaces, partitions, peers and sameness groups are Consul Enterprise and cluster-peering features.
            throw new FormatException($"health.service: query parameters are not supported by roster: \"{match.Groups["query"].Value}\"");
        }

        return new ServiceQuery(
            match.Groups["name"].Value, Optional(match, "tag"), Optional(match, "dc"), Optional(match, "near"), ParseFilters(Optional(match, "filter")));
    }

    private static string[] ParseFilters(string? text)
    {
        if (text is null)
        {
            return ["passing"];
        }

        var filters = text.Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (filters.FirstOrDefault(f => !Statuses.Contains(f)) is { } invalid)
        {
            throw new FormatException($"service filter: invalid filter \"{invalid}\"");
        }

        if (filters.Contains("any") && filters.Length > 1)
        {
            throw new FormatException("service filter: cannot specify extra keys when using \"any\"");
        }

        return filters.Length == 0 ? ["passing"] : filters;
    }

    private static string? Optional(Match match, string group) => match.Groups[group].Success ? match.Groups[group].Value : null;

    // The tag part is greedy up to the last dot, so a service name can never contain one (as in consul-template).
    [GeneratedRegex(@"\A((?<tag>[\w=:.\-]+)\.)?(?<name>[\w\-]+)(\?(?<query>[\w\-=&]+))?(@(?<dc>[\w.\-]+))?(~(?<near>[\w.\-]+))?(\|(?<filter>[\w,]+))?\z")]
    private static partial Regex Grammar();
}
