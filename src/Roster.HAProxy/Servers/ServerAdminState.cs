namespace Roster.HAProxy.Servers;

/// <summary>
/// A server's administrative state as the plan needs it. <c>show servers state</c> reports <c>srv_admin_state</c> as
/// bit flags: any MAINT bit (0x01 forced, 0x02 inherited, 0x04 from the config, 0x20 resolution, 0x40 hostname)
/// is <see cref="Maint"/>; otherwise any DRAIN bit (0x08 forced, 0x10 inherited) is <see cref="Drain"/>; 0 is
/// <see cref="Ready"/>.
/// </summary>
internal enum ServerAdminState
{
    Ready,
    Drain,
    Maint,
}
