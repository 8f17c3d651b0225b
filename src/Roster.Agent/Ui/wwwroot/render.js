// Builds the page's DOM from the state. Everything from the agent goes in as text nodes, never as HTML: service
// names, IDs and check outputs are other programs' input.

/** A DOM element: h('td', { class: 'mono', dataset: { x: '1' } }, 'text', child). */
export function h(tag, props, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (key === 'dataset') {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

export function formatTime(value) {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleTimeString('en-GB', { hour12: false });
}

/** The tiles above the cards: how many services, instances, and how healthy. */
export function renderSummary(services) {
  const instances = services.flatMap((service) => service.instances ?? []);
  const count = (status) => instances.filter((instance) => instance.status === status).length;
  const tile = (label, value, kind) => h('div', { class: `tile ${kind ?? ''}`, dataset: { tile: label } },
    h('span', { class: 'tile-value' }, String(value)), h('span', { class: 'tile-label' }, label));
  return [
    tile('services', services.length),
    tile('instances', instances.length),
    tile('passing', count('passing'), 'passing'),
    tile('warning', count('warning'), count('warning') ? 'warning' : 'quiet'),
    tile('critical', count('critical') + count('maintenance'), count('critical') + count('maintenance') ? 'critical' : 'quiet'),
  ];
}

/** One card per service: its HAProxy summary, then a table of its instances. */
export function renderService(service) {
  const instances = service.instances ?? [];
  const haproxy = service.haproxy;
  const servers = new Map((haproxy?.servers ?? []).map((server) => [server.serviceId, server]));
  const known = new Set(instances.map((instance) => instance.id));
  const orphans = (haproxy?.servers ?? []).filter((server) => !known.has(server.serviceId));

  return h('article', { class: 'service', dataset: { service: service.name } },
    h('header', { class: 'service-head' },
      h('h2', null, service.name),
      h('span', { class: 'count' }, instances.length === 1 ? '1 instance' : `${instances.length} instances`),
      renderHaproxySummary(haproxy)),
    service.instances === null
      ? h('p', { class: 'empty' }, 'Loading…')
      : instances.length === 0
        ? h('p', { class: 'empty' }, 'No registered instance.')
        : renderInstances(instances, haproxy, servers),
    orphans.length > 0 && h('p', { class: 'orphans' }, 'In HAProxy but not registered: ',
      orphans.map((server) => h('span', { class: 'orphan', dataset: { haproxyServer: server.name } },
        h('code', null, server.name), ' ', stateBadge(server)))));
}

function renderHaproxySummary(haproxy) {
  if (!haproxy) {
    return h('span', { class: 'lb absent', dataset: { haproxy: 'absent' } }, 'not behind HAProxy');
  }
  if (!haproxy.readable) {
    return h('span', { class: 'lb unreadable', dataset: { haproxy: 'unreadable' } }, 'HAProxy entry unreadable');
  }
  const up = haproxy.servers.filter((server) => server.state === 'UP').length;
  const field = (label, value) => value !== null && value !== '' && h('span', { class: 'lb-field' },
    h('span', { class: 'lb-label' }, label), h('code', null, String(value)));
  return h('span', { class: 'lb present', dataset: { haproxy: 'present' } },
    h('span', { class: 'lb-name' }, 'HAProxy'),
    field('bind', haproxy.bind),
    field('mode', haproxy.mode),
    field('pid', haproxy.pid),
    field('servers', `${up}/${haproxy.servers.length} up`),
    haproxy.updated && field('updated', formatTime(haproxy.updated)));
}

function renderInstances(instances, haproxy, servers) {
  const rows = [...instances].sort((a, b) => a.id.localeCompare(b.id)).map((instance) => {
    const server = servers.get(instance.id);
    return h('tr', {
      dataset: {
        instanceId: instance.id,
        health: instance.status,
        haproxyState: server ? server.state : haproxy ? 'absent' : 'none',
      },
    },
    h('td', { class: 'mono id', title: instance.id }, instance.id),
    h('td', { class: 'mono' }, `${instance.address}:${instance.port}`),
    h('td', { class: 'mono pid' }, instance.pid ?? '–'),
    h('td', null, h('span', { class: `badge ${instance.status}` }, instance.status)),
    h('td', { class: 'checks' }, instance.checks.map((check) => h('span', {
      class: `check ${check.status}`,
      title: check.output ? `${check.name}: ${check.output}` : check.name,
    }, check.label))),
    h('td', { class: 'haproxy' }, renderServerState(server, haproxy)));
  });
  // Fixed column widths, so that the cards line up one under the other.
  const columns = ['id', 'address', 'pid', 'health', 'checks', 'haproxy'];
  return h('table', { class: 'instances' },
    h('colgroup', null, columns.map((column) => h('col', { class: `col-${column}` }))),
    h('thead', null, h('tr', null, ['Instance', 'Address', 'PID', 'Health', 'Checks', 'HAProxy'].map((title) => h('th', null, title)))),
    h('tbody', null, rows));
}

function renderServerState(server, haproxy) {
  if (!haproxy) {
    return h('span', { class: 'muted' }, '–');
  }
  if (!server) {
    return h('span', { class: 'muted' }, 'not in backend');
  }
  return [
    stateBadge(server),
    server.admin && server.admin !== 'READY' && h('span', { class: 'admin' }, `admin ${server.admin.toLowerCase()}`),
    server.sessions !== null && h('span', { class: 'sessions' }, `${server.sessions} sess`),
  ];
}

function stateBadge(server) {
  return h('span', { class: `badge hap-${server.state.toLowerCase()}`, title: `HAProxy server ${server.name}` }, server.state);
}
