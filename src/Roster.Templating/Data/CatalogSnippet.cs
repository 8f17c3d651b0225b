namespace Roster.Templating.Data;

/// <summary>One service returned by <c>services</c>: its name and the union of its instances' tags.</summary>
public sealed record CatalogSnippet
{
    /// <summary>The service name.</summary>
    public string Name { get; init; } = "";

    /// <summary>The service's tags, sorted.</summary>
    public ServiceTags Tags { get; init; } = ServiceTags.Empty;
}
