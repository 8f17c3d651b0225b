// The dashboard: one blocking watch on the catalog's service list, one per service on its health, one on HAProxy's
// KV entries. Each watch is its own loop; every answer updates the state and schedules one render.
import { createApi, ForbiddenError, watch } from './watch.js';
import { HAPROXY_PREFIX, parseHaproxyEntries, toInstance } from './model.js';
import { formatTime, renderService, renderSummary } from './render.js';

// A browser keeps at most 6 connections to one host:port and every blocking query holds one, so with many services
// the waits shorten and the queued watches get their turn (the catalog and the KV watch take two of the six).
const BLOCKING_BUDGET = 4;

const token = new URLSearchParams(location.search).get('token') ?? '';
const get = createApi(token);
const everything = new AbortController();
const state = {
  services: new Map(), // name -> { instances: [] | null, controller }
  haproxy: new Map(),
  failing: new Set(),
  connected: false,
  forbidden: null,
  lastChange: null,
};

const $ = (id) => document.getElementById(id);

function serviceWait() {
  return state.services.size <= BLOCKING_BUDGET ? '60s' : '5s';
}

function changed() {
  state.lastChange = new Date();
  scheduleRender();
}

function health(name) {
  return (error) => {
    if (error instanceof ForbiddenError) {
      forbid(error);
      return;
    }
    if (error) {
      state.failing.add(name);
    } else {
      state.failing.delete(name);
      state.connected = true;
    }
    scheduleRender();
  };
}

function forbid(error) {
  if (state.forbidden) {
    return;
  }
  state.forbidden = error.message || 'Permission denied';
  everything.abort();
  // Who the agent is is behind the token too.
  $('node').textContent = '–';
  $('datacenter').textContent = '–';
  scheduleRender();
}

function onServiceList(catalog) {
  const names = new Set(Object.keys(catalog ?? {}));
  for (const [name, service] of state.services) {
    if (!names.has(name)) {
      // The service is gone: stop its watch rather than leave a blocking query open for nothing.
      service.controller.abort();
      state.services.delete(name);
      state.failing.delete(`health:${name}`);
    }
  }
  for (const name of names) {
    if (!state.services.has(name)) {
      startServiceWatch(name);
    }
  }
  changed();
}

function startServiceWatch(name) {
  const controller = new AbortController();
  everything.signal.addEventListener('abort', () => controller.abort(), { once: true });
  const service = { instances: null, controller };
  state.services.set(name, service);
  watch(get, `/v1/health/service/${encodeURIComponent(name)}`, {
    wait: serviceWait,
    signal: controller.signal,
    onChange: (entries) => {
      service.instances = (entries ?? []).map(toInstance);
      changed();
    },
    onHealth: health(`health:${name}`),
  });
}

async function loadIdentity() {
  for (let attempt = 1; !everything.signal.aborted; attempt += 1) {
    try {
      const response = await get('/v1/agent/self', everything.signal);
      if (response.ok) {
        const self = await response.json();
        $('node').textContent = self.Config?.NodeName ?? '?';
        $('datacenter').textContent = self.Config?.Datacenter ?? '?';
        return;
      }
    } catch (error) {
      if (error instanceof ForbiddenError) {
        forbid(error);
        return;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 250 * attempt)));
  }
}

let renderQueued = false;
function scheduleRender() {
  if (!renderQueued) {
    renderQueued = true;
    queueMicrotask(() => {
      renderQueued = false;
      render();
    });
  }
}

function render() {
  renderStatus();
  if (state.forbidden) {
    $('summary').replaceChildren();
    $('services').replaceChildren();
    return;
  }
  const names = [...new Set([...state.services.keys(), ...state.haproxy.keys()])].sort();
  const services = names.map((name) => ({
    name,
    // A service that only HAProxy still lists has no instance left in the catalog.
    instances: state.services.has(name) ? state.services.get(name).instances : [],
    haproxy: state.haproxy.get(name),
  }));
  $('summary').replaceChildren(...renderSummary(services));
  if (!state.connected) {
    return;
  }
  $('services').replaceChildren(...(services.length > 0
    ? services.map(renderService)
    : [document.createTextNode('No service is registered with this agent.')]));
}

function renderStatus() {
  const live = $('live');
  const banner = $('banner');
  const [kind, text] = state.forbidden ? ['forbidden', 'access denied']
    : state.failing.size > 0 ? ['reconnecting', 'reconnecting…']
      : state.connected ? ['live', 'live'] : ['connecting', 'connecting'];
  live.dataset.state = kind;
  $('live-text').textContent = text;
  $('last-change').textContent = state.lastChange ? formatTime(state.lastChange) : '–';
  if (state.lastChange) {
    $('last-change').dateTime = state.lastChange.toISOString();
  }

  if (state.forbidden) {
    banner.hidden = false;
    banner.dataset.kind = 'forbidden';
    banner.replaceChildren(
      document.createTextNode(token
        ? `The agent refused the token in this page's address (403: ${state.forbidden}). `
        : `This agent requires an ACL token (403: ${state.forbidden}). `),
      Object.assign(document.createElement('span'), { textContent: 'Open the page as ' }),
      Object.assign(document.createElement('code'), { textContent: `${location.pathname}?token=YOUR-TOKEN` }),
      document.createTextNode('.'));
  } else if (state.failing.size > 0) {
    banner.hidden = false;
    banner.dataset.kind = 'offline';
    banner.textContent = 'Lost contact with the agent; retrying. What is shown may be out of date.';
  } else {
    banner.hidden = true;
  }
}

$('agent-address').textContent = location.host;
loadIdentity();
watch(get, '/v1/catalog/services', {
  wait: () => '60s',
  signal: everything.signal,
  onChange: onServiceList,
  onHealth: health('catalog'),
});
watch(get, `/v1/kv/${HAPROXY_PREFIX}?recurse`, {
  wait: () => '60s',
  signal: everything.signal,
  onChange: (entries) => {
    state.haproxy = parseHaproxyEntries(entries);
    changed();
  },
  onHealth: health('haproxy'),
});
