// What the page shows, read from the agent's answers: instances from /v1/health/service/<name>, HAProxy's view
// from the roster/haproxy/<service> KV entries that `roster lb` writes.

export const HAPROXY_PREFIX = 'roster/haproxy/';

const STATUS_RANK = { passing: 0, warning: 1, critical: 2, maintenance: 3 };

/** One instance from a /v1/health/service element: {Node, Service, Checks}. */
export function toInstance(entry) {
  const service = entry.Service ?? {};
  const checks = (entry.Checks ?? []).map((check) => ({
    id: check.CheckID ?? '',
    name: check.Name ?? check.CheckID ?? '',
    label: checkLabel(check),
    status: check.Status ?? 'critical',
    output: (check.Output ?? '').trim(),
  }));
  return {
    id: service.ID ?? '',
    // Consul's rule: an instance without an address of its own is reached at its node's address.
    address: service.Address || entry.Node?.Address || '',
    port: service.Port ?? 0,
    pid: service.Meta?.pid ?? null,
    tags: service.Tags ?? [],
    checks,
    status: aggregate(checks),
  };
}

/** Consul's aggregation: maintenance beats critical beats warning beats passing; no check at all is passing. */
export function aggregate(checks) {
  let worst = 'passing';
  for (const check of checks) {
    const status = isMaintenance(check) && check.status === 'critical' ? 'maintenance' : check.status;
    if ((STATUS_RANK[status] ?? STATUS_RANK.critical) > STATUS_RANK[worst]) {
      worst = status in STATUS_RANK ? status : 'critical';
    }
  }
  return worst;
}

function isMaintenance(check) {
  return check.id.startsWith('_service_maintenance:') || check.id === '_node_maintenance';
}

function checkLabel(check) {
  if (check.CheckID === 'serfHealth') {
    return 'serf';
  }
  if ((check.CheckID ?? '').startsWith('_service_maintenance:') || check.CheckID === '_node_maintenance') {
    return 'maint';
  }
  return (check.Type || check.Name || check.CheckID || 'check').toLowerCase();
}

/**
 * HAProxy's view per service from a recursive KV read (null when the prefix is empty). An entry that is not the
 * JSON `roster lb` writes is kept as unreadable, so the page says so instead of hiding it.
 */
export function parseHaproxyEntries(entries) {
  const views = new Map();
  for (const entry of entries ?? []) {
    const service = (entry.Key ?? '').slice(HAPROXY_PREFIX.length);
    if (!service || service.includes('/')) {
      continue;
    }
    try {
      const view = JSON.parse(decodeBase64(entry.Value ?? ''));
      views.set(service, {
        readable: true,
        bind: view.bind ?? '',
        mode: view.mode ?? '',
        pid: view.pid ?? null,
        adminSocket: view.adminSocket ?? '',
        updated: view.updated ?? null,
        servers: (view.servers ?? []).map((server) => ({
          name: server.name ?? '',
          serviceId: server.serviceId ?? '',
          address: server.address ?? '',
          port: server.port ?? 0,
          state: (server.state ?? 'UNKNOWN').toUpperCase(),
          admin: (server.admin ?? '').toUpperCase(),
          sessions: server.sessions ?? null,
        })),
      });
    } catch {
      views.set(service, { readable: false, servers: [] });
    }
  }
  return views;
}

/** KV values are base64 of raw bytes; the JSON inside is UTF-8. */
function decodeBase64(value) {
  const bytes = Uint8Array.from(atob(value), (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
