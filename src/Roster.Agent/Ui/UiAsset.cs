namespace Roster.Agent.Ui;

/// <summary>One file of the dashboard as it is served: its bytes, its content type and a strong ETag of its content.</summary>
internal sealed record UiAsset(ReadOnlyMemory<byte> Content, string ContentType, string ETag);
