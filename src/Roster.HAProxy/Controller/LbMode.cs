namespace Roster.HAProxy.Controller;

/// <summary>How instance changes reach HAProxy.</summary>
public enum LbMode
{
    /// <summary>Through the Runtime API: one server per instance, added and drained live; no reload (0 failed requests).</summary>
    Runtime,

    /// <summary>Render, validate, swap, reload through the master socket: for structural changes and own templates.</summary>
    Reload,

    /// <summary>HAProxy resolves the instances itself from the agent's DNS SRV records: no reload, no Runtime API.</summary>
    Dns,
}
