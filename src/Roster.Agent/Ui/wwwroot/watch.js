// One Consul blocking query kept fresh, the way Consul's own clients do it (consul-template's watch/view.go):
// index -> next index, start over when the index goes backwards (a restarted agent), back off with jitter on
// errors, and never spin when an answer comes back at once with nothing new.

const FIRST_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 10000;
const MIN_INTERVAL_MS = 100;

/** The agent refused the request (403): only a reload with the right ?token= can help, so watches stop. */
export class ForbiddenError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** A GET against the agent's API that sends the page's token, when it has one, as Consul's X-Consul-Token. */
export function createApi(token) {
  return async function get(path, signal) {
    const headers = token ? { 'X-Consul-Token': token } : {};
    const response = await fetch(path, { headers, signal, cache: 'no-store' });
    if (response.status === 403) {
      throw new ForbiddenError((await response.text()).trim());
    }
    return response;
  };
}

/**
 * Runs a blocking query on `path` until `signal` aborts. `onChange(body)` gets each answer whose index moved
 * (body is null for a 404, which still carries an index: an empty KV prefix); `onHealth(error | null)` tells
 * whether the last attempt failed.
 */
export function watch(get, path, { wait, signal, onChange, onHealth }) {
  const separator = path.includes('?') ? '&' : '?';
  (async () => {
    let index = 0;
    let failures = 0;
    while (!signal.aborted) {
      const started = performance.now();
      try {
        const response = await get(`${path}${separator}index=${index}&wait=${wait()}`, signal);
        if (!response.ok && response.status !== 404) {
          throw new Error(`${response.status} ${(await response.text()).trim()}`);
        }
        const body = response.status === 404 ? null : await response.json();
        const next = Number(response.headers.get('X-Consul-Index')) || 0;
        failures = 0;
        onHealth(null);
        if (next !== index) {
          onChange(body);
        }
        const unchanged = next === index;
        // Backwards means the agent restarted: block from 0 again, or we would wait for an index that never comes.
        index = next < index ? 0 : next;
        if (unchanged && performance.now() - started < MIN_INTERVAL_MS) {
          await delay(MIN_INTERVAL_MS, signal);
        }
      } catch (error) {
        if (signal.aborted) {
          return;
        }
        onHealth(error);
        if (error instanceof ForbiddenError) {
          return;
        }
        failures += 1;
        index = 0;
        await delay(backoff(failures), signal);
      }
    }
  })();
}

/** Doubling from 250 ms up to 10 s, each wait drawn between half and all of it so that many watches do not retry in step. */
export function backoff(failures) {
  const ceiling = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (failures - 1));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

function delay(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
