namespace Roster.Services.BasicWeb;

/// <summary>The seed's basic-web reply: no data, and the PID that served the request.</summary>
internal sealed record BasicWebReply(object? Data, int Pid);
