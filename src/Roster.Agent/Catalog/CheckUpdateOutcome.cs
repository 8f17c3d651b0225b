namespace Roster.Agent.Catalog;

/// <summary>What a status update did: only <see cref="Updated"/> moved an index and woke watchers.</summary>
internal enum CheckUpdateOutcome
{
    NotFound,
    Unchanged,
    Updated,
}
