#!/usr/bin/env node
// Roster conformance script driven by npm's `consul` client.
//
//   node conformance.js modern   -> consul@2.0.1 (promise API; PUT verbs; default agent mode)
//   node conformance.js legacy   -> consul@0.27.0 via the alias "consul027" (callback API,
//                                   as pinned by the 2016 demo; GET verbs -> agent needs -legacy-verbs)
//
// Agent address: CONSUL_HTTP_ADDR ("host:port" or "http://host:port"), default 127.0.0.1:8500.
// Prints one line per step: "ok <step> ..." or "FAIL <step>: <why>"; "# " lines are information.
// Exit: 0 all steps passed, 1 some step failed, 2 setup/usage error, 124 overall timeout.
// Only the libraries' public APIs are used (see ../README.md).
"use strict";

process.noDeprecation = true; // consul@0.27 uses `new Buffer()`; keep the output to step lines

const TIMEOUT_MS = Math.round(parseFloat(process.env.CONFORMANCE_TIMEOUT || "60") * 1000);
const BLOCK_WAIT_S = 10; // wait= of the blocking query in step d
const MAX_WAKE_S = 5.0; // step d: the blocked call must wake within this after the check is failed

function out(line) {
  // one line per step, whatever the agent put in its error bodies
  process.stdout.write(String(line).replace(/\s*[\r\n]+\s*/g, " ").trim() + "\n");
}

function exit(code) {
  // let stdout drain before exiting (it may be a pipe read by the xUnit runner)
  process.stdout.write("", () => process.exit(code));
}

// ------------------------------------------------------------------ hard timeout
const watchdog = setTimeout(() => {
  out(`FAIL timeout: overall time limit of ${TIMEOUT_MS / 1000}s exceeded (a request to the agent hung?)`);
  out("conformance: 0 passed, 1 failed");
  exit(124);
}, TIMEOUT_MS);

// ------------------------------------------------------------------ arguments
const flavour = (process.argv[2] || "").toLowerCase();
if (flavour !== "modern" && flavour !== "legacy") {
  out("FAIL setup: usage: node conformance.js modern|legacy");
  exit(2);
  return;
}

function parseAddr(raw) {
  raw = (raw || "127.0.0.1:8500").trim();
  let secure = false;
  if (/^http:\/\//i.test(raw)) raw = raw.slice(7);
  else if (/^https:\/\//i.test(raw)) {
    raw = raw.slice(8);
    secure = true;
  }
  raw = raw.replace(/\/+$/, "");
  let host, port;
  const m6 = raw.match(/^\[([^\]]+)\](?::(\d+))?$/);
  if (m6) {
    host = `[${m6[1]}]`;
    port = m6[2] || "8500";
  } else {
    const i = raw.lastIndexOf(":");
    if (i < 0) {
      host = raw;
      port = "8500";
    } else {
      host = raw.slice(0, i);
      port = raw.slice(i + 1);
    }
  }
  if (!host || !/^\d+$/.test(port)) {
    throw new Error(`CONSUL_HTTP_ADDR ${JSON.stringify(raw)} is not host:port or http://host:port`);
  }
  return { host, port: parseInt(port, 10), secure };
}

let addr;
try {
  addr = parseAddr(process.env.CONSUL_HTTP_ADDR);
} catch (e) {
  out(`FAIL setup: ${e.message}`);
  exit(2);
  return;
}
const BASE = `${addr.secure ? "https" : "http"}://${addr.host}:${addr.port}`;

let Consul, pkgVersion;
try {
  const pkgName = flavour === "modern" ? "consul" : "consul027";
  Consul = require(pkgName);
  pkgVersion = require(`${pkgName}/package.json`).version;
} catch (e) {
  out(`FAIL setup: cannot load the consul client (${e.message}); run "npm ci" in ${__dirname}`);
  exit(2);
  return;
}

const clientOpts = { host: addr.host, port: addr.port, secure: addr.secure };
if (process.env.CONSUL_HTTP_TOKEN) clientOpts.defaults = { token: process.env.CONSUL_HTTP_TOKEN };
const consul = flavour === "modern" ? new Consul(clientOpts) : Consul(clientOpts);

// ------------------------------------------------------------------ API adapter
// Both flavours expose the same method names; 0.27 is callback-based with
// callback(err, data, res), 2.x returns promises resolving to the data only.
function call(fn, self, opts) {
  if (flavour === "modern") {
    return fn.call(self, opts).then((data) => ({ data, res: undefined }));
  }
  return new Promise((resolve, reject) => {
    fn.call(self, opts, (err, data, res) => {
      if (err) {
        err.response = err.response || res;
        reject(err);
      } else resolve({ data, res });
    });
  });
}
const api = {
  register: (o) => call(consul.agent.service.register, consul.agent.service, o),
  deregister: (id) => call(consul.agent.service.deregister, consul.agent.service, { id }),
  services: () => call(consul.agent.service.list, consul.agent.service, {}),
  checks: () => call(consul.agent.check.list, consul.agent.check, {}),
  pass: (id, note) => call(consul.agent.check.pass, consul.agent.check, { id, note }),
  fail: (id, note) => call(consul.agent.check.fail, consul.agent.check, { id, note }),
  health: (o) => call(consul.health.service, consul.health, o),
  catalogServices: () => call(consul.catalog.service.list, consul.catalog.service, {}),
  catalogService: (service) => call(consul.catalog.service.nodes, consul.catalog.service, { service }),
  kvGet: (o) => call(consul.kv.get, consul.kv, o),
  kvSet: (o) => call(consul.kv.set, consul.kv, o),
  kvDel: (o) => call(consul.kv.del, consul.kv, o),
};

// ------------------------------------------------------------------ helpers
class StepFailed extends Error {}

function check(cond, msg) {
  if (!cond) throw new StepFailed(msg);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const j = (v) => {
  const s = JSON.stringify(v);
  return s && s.length > 300 ? s.slice(0, 300) + "..." : s;
};
function fmtEntries(entries) {
  if (!Array.isArray(entries)) return j(entries);
  try {
    return "[" + entries.map((e) => `${e.Service.ID}@${e.Service.Address}:${e.Service.Port}`).join(", ") + "]";
  } catch (_) {
    return j(entries);
  }
}
function isConnError(e) {
  const codes = ["ECONNREFUSED", "ECONNRESET", "EHOSTUNREACH", "ENOTFOUND", "EADDRNOTAVAIL"];
  return !!e && (codes.includes(e.code) || codes.some((c) => String(e.message).includes(c)));
}
function legacyVerbHint(what) {
  return flavour === "legacy"
    ? ` consul@0.27 sends GET for ${what}; the agent must run with -legacy-verbs (default mode answers 405).`
    : "";
}
function describe(e) {
  if (e instanceof StepFailed) return e.message;
  const status = e && (e.statusCode || (e.response && e.response.statusCode));
  let msg = `${(e && e.name) || "Error"}: ${e && e.message}`;
  if (status) msg += ` (HTTP ${status})`;
  return msg;
}
function bodyIsJson(v, what) {
  // papi only JSON-decodes a body whose Content-Type is application/json; otherwise the
  // caller gets a Buffer/string.  Report that precisely.
  check(!Buffer.isBuffer(v) && typeof v !== "string",
    `${what} was not decoded as JSON (got ${Buffer.isBuffer(v) ? "a Buffer" : "a string"} ${j(String(v))}); ` +
      "the agent must answer with Content-Type: application/json");
}

const RID = Math.random().toString(36).slice(2, 10).padEnd(8, "0");
const NAME = `conf-${RID}`;
const SID = `${NAME}-1`;
const CHECK_ID = `service:${SID}`;
const SVC_PORT = 20000 + Math.floor(Math.random() * 10000);
const KV_PREFIX = `conf/${RID}/`;
const KEY = `${KV_PREFIX}k`;
const state = { registered: false, deregistered: false, kvWritten: false };

function verifyInstance(nodes, what) {
  bodyIsJson(nodes, what);
  check(Array.isArray(nodes) && nodes.length === 1, `${what} should return exactly 1 instance, got ${fmtEntries(nodes)}`);
  const s = nodes[0].Service || {};
  check(s.ID === SID, `${what}: Service.ID ${j(s.ID)} != ${j(SID)}`);
  check(s.Service === NAME, `${what}: Service.Service ${j(s.Service)} != ${j(NAME)}`);
  check(s.Address === "127.0.0.1", `${what}: Service.Address ${j(s.Address)}`);
  check(s.Port === SVC_PORT, `${what}: Service.Port ${j(s.Port)} != ${SVC_PORT}`);
  check(j(s.Tags) === j(["a", "b"]), `${what}: Service.Tags ${j(s.Tags)} != ["a","b"]`);
}

// ------------------------------------------------------------------ steps
async function stepA() {
  // Same spelling as the 2016 demo: the client lower-cases keys and strips underscores,
  // then re-emits PascalCase (Name, ID, Address, Port, Tags, Check{TTL, DeregisterCriticalServiceAfter}).
  await api.register({
    name: NAME,
    id: SID,
    address: "127.0.0.1",
    port: SVC_PORT,
    tags: ["a", "b"],
    check: { ttl: "10s", deregister_critical_service_after: "1m" },
  });
  state.registered = true;
  const { data: services } = await api.services();
  bodyIsJson(services, "agent.service.list()");
  check(services && services[SID], `agent.service.list() does not list ${SID}: ${j(Object.keys(services || {}))}`);
  const s = services[SID];
  check(s.Service === NAME && s.Port === SVC_PORT && s.Address === "127.0.0.1" && j(s.Tags) === j(["a", "b"]),
    `agent.service.list()[${SID}] has wrong fields: ${j(s)}`);
  const { data: checks } = await api.checks();
  bodyIsJson(checks, "agent.check.list()");
  check(checks && checks[CHECK_ID], `agent.check.list() has no ${CHECK_ID}: ${j(Object.keys(checks || {}))}`);
  check(checks[CHECK_ID].Status === "critical", `new TTL check status is ${j(checks[CHECK_ID].Status)}, expected "critical"`);
  return `(service ${NAME} id ${SID} port ${SVC_PORT}, check ${CHECK_ID} critical)`;
}

async function stepB() {
  const { data: nodes } = await api.health({ service: NAME, passing: true });
  bodyIsJson(nodes, "health.service(passing)");
  check(Array.isArray(nodes) && nodes.length === 0,
    `health.service({passing: true}) should be [] while the TTL check is critical, got ${fmtEntries(nodes)}`);
  const { data: all } = await api.health({ service: NAME });
  check(Array.isArray(all) && all.length === 1 && all[0].Service.ID === SID,
    `health.service() without passing should list the critical instance, got ${fmtEntries(all)}`);
  const st = (all[0].Checks || []).find((c) => c.CheckID === CHECK_ID);
  check(st && st.Status === "critical", `instance checks: ${j(all[0].Checks)}`);
  return "";
}

async function stepC() {
  try {
    await api.pass(CHECK_ID, "conformance pass");
  } catch (e) {
    throw new StepFailed(`agent.check.pass() failed: ${describe(e)}.${legacyVerbHint("/v1/agent/check/pass/<id>")}`);
  }
  const { data: nodes } = await api.health({ service: NAME, passing: true });
  verifyInstance(nodes, "health.service({passing: true})");
  return "";
}

// step d, consul@0.27: the callback's third argument is the HTTP response, so the
// X-Consul-Index of the health call is read directly and passed back as `index`.
async function stepDLegacy() {
  const first = await api.health({ service: NAME, passing: true });
  verifyInstance(first.data, "health.service({passing: true}) before blocking");
  const idx0 = first.res && first.res.headers["x-consul-index"];
  check(/^\d+$/.test(idx0 || "") && BigInt(idx0) > 0n, `X-Consul-Index of health.service is ${j(idx0)}, expected a positive integer`);
  let failSentAt = null;
  const calls = [];
  const blocking = (async () => {
    let index = idx0;
    const deadline = Date.now() + (BLOCK_WAIT_S + 5) * 1000;
    for (;;) {
      const rec = { index, t0: Date.now() };
      calls.push(rec);
      const r = await api.health({ service: NAME, passing: true, index, wait: `${BLOCK_WAIT_S}s` });
      rec.t1 = Date.now();
      rec.newIndex = r.res && r.res.headers["x-consul-index"];
      rec.data = r.data;
      // Early wake-up with a larger index and unchanged data is legal in Consul: block again.
      if (failSentAt === null && Array.isArray(r.data) && r.data.length && rec.newIndex !== index && rec.t1 < deadline) {
        index = rec.newIndex;
        continue;
      }
      return rec;
    }
  })();
  let blockErr = null;
  blocking.catch((e) => (blockErr = e));
  await sleep(1000);
  if (blockErr) throw blockErr;
  const last = calls[calls.length - 1];
  check(last.t1 === undefined,
    `blocking health.service({index: ${last.index}, wait: "${BLOCK_WAIT_S}s"}) returned after ${((last.t1 - last.t0) / 1000).toFixed(3)}s, ` +
      `before the check was failed (index ${last.newIndex}) - index/wait not honoured?`);
  failSentAt = Date.now();
  try {
    await api.fail(CHECK_ID, "conformance fail");
  } catch (e) {
    throw new StepFailed(`agent.check.fail() failed: ${describe(e)}.${legacyVerbHint("/v1/agent/check/fail/<id>")}`);
  }
  const failDone = Date.now();
  let rec;
  try {
    let timer;
    const limit = new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new StepFailed(`blocking query still not answered ${BLOCK_WAIT_S + 8}s after the check was failed`)),
        (BLOCK_WAIT_S + 8) * 1000,
      );
    });
    try {
      rec = await Promise.race([blocking, limit]);
    } finally {
      clearTimeout(timer);
    }
  } catch (e) {
    const c = calls[calls.length - 1];
    if (!(e instanceof StepFailed) && /timed out/i.test(String(e && e.message))) {
      // Node >= 19: http.globalAgent has a 5 s socket timeout, which papi 0.27 turns into an error.
      throw new StepFailed(`the blocking query (index=${c.index}, wait=${BLOCK_WAIT_S}s) got no answer and was aborted by the ` +
        `client after ${((Date.now() - c.t0) / 1000).toFixed(3)}s (${e.message}; consul@0.27 on Node >= 19 gives up on a ` +
        `request idle for 5 s because of http.globalAgent's socket timeout): the agent did not wake it when the check failed`);
    }
    throw e;
  }
  return finishD(idx0, rec.newIndex, rec.data, rec.t0, rec.t1, failSentAt, failDone, calls.length - 1, "direct index/wait call");
}

// step d, consul@2.x: plain calls resolve to the body only; the library's public way to
// get at X-Consul-Index and block on it is consul.watch(), which is what we use.  The
// watched method is wrapped only to time the individual HTTP calls.
async function stepDModern() {
  const calls = [];
  const changes = [];
  const errors = [];
  const method = function (opts) {
    const rec = { index: opts.index, wait: opts.wait, t0: Date.now() };
    calls.push(rec);
    return consul.health.service(opts).then(
      (r) => {
        rec.t1 = Date.now();
        return r;
      },
      (e) => {
        rec.t1 = Date.now();
        throw e;
      },
    );
  };
  const watch = consul.watch({
    method,
    options: { service: NAME, passing: true, wait: `${BLOCK_WAIT_S}s` },
    backoffFactor: 100,
    maxAttempts: 2,
  });
  watch.on("change", (data, res) => changes.push({ data, index: res && res.headers["x-consul-index"], t: Date.now() }));
  watch.on("error", (err) => errors.push(err));
  try {
    const waitFor = async (pred, ms, what) => {
      const end = Date.now() + ms;
      while (!pred()) {
        if (errors.length) throw new StepFailed(`watch error while ${what}: ${describe(errors[0])}`);
        if (Date.now() > end) throw new StepFailed(`timed out after ${ms / 1000}s ${what}`);
        await sleep(20);
      }
    };
    await waitFor(() => changes.length >= 1, 5000, "waiting for the watch's first result");
    const first = changes[0];
    verifyInstance(first.data, "watch(health.service passing) first result");
    const idx0 = first.index;
    check(/^\d+$/.test(idx0 || "") && BigInt(idx0) > 0n, `X-Consul-Index of health.service is ${j(idx0)}, expected a positive integer`);
    await sleep(1000);
    if (errors.length) throw new StepFailed(`watch error: ${describe(errors[0])}`);
    const inflight = calls[calls.length - 1];
    check(calls.length >= 2 && inflight.t1 === undefined,
      `the watch's blocking call (index=${inflight.index}, wait=${BLOCK_WAIT_S}s) returned after ` +
        `${(((inflight.t1 || Date.now()) - inflight.t0) / 1000).toFixed(3)}s, before the check was failed - index/wait not honoured?`);
    check(String(inflight.index) !== "0", "the watch did not send the index it received");
    const earlyChanges = changes.length - 1; // legal early wake-ups with larger index, same data
    const failSentAt = Date.now();
    const nChanges = changes.length;
    try {
      await api.fail(CHECK_ID, "conformance fail");
    } catch (e) {
      throw new StepFailed(`agent.check.fail() failed: ${describe(e)}`);
    }
    const failDone = Date.now();
    await waitFor(() => changes.length > nChanges && changes.slice(nChanges).some((c) => Array.isArray(c.data) && c.data.length === 0),
      (BLOCK_WAIT_S + 8) * 1000, "waiting for the watch to report the failed check");
    const ch = changes.slice(nChanges).find((c) => Array.isArray(c.data) && c.data.length === 0);
    const rec = calls.find((c) => c.t0 <= failSentAt && c.t1 !== undefined && c.t1 >= failSentAt) || { t0: inflight.t0, t1: ch.t };
    return finishD(idx0, ch.index, ch.data, rec.t0, rec.t1, failSentAt, failDone, earlyChanges, "consul.watch()");
  } finally {
    watch.end();
  }
}

async function finishD(idx0, idx1, nodes, t0, t1, failSentAt, failDone, early, how) {
  const blocked = (t1 - t0) / 1000;
  const wake = (t1 - failSentAt) / 1000;
  check(blocked < BLOCK_WAIT_S,
    `blocking query (index=${idx0}, wait=${BLOCK_WAIT_S}s) was not woken by the check change: it returned after ${blocked.toFixed(3)}s ` +
      `(its wait expired); wake-up ${wake.toFixed(3)}s after check.fail`);
  check(wake <= MAX_WAKE_S, `wake-up took ${wake.toFixed(3)}s after check.fail (limit ${MAX_WAKE_S}s)`);
  check(/^\d+$/.test(idx1 || "") && BigInt(idx1) > BigInt(idx0), `blocking query returned X-Consul-Index ${j(idx1)}, expected > ${idx0}`);
  check(Array.isArray(nodes) && nodes.length === 0, `after check.fail the passing list must be empty, got ${fmtEntries(nodes)}`);
  const { data: after } = await api.health({ service: NAME, passing: true });
  check(Array.isArray(after) && after.length === 0, `non-blocking passing query after check.fail: ${fmtEntries(after)}`);
  return `(woke ${wake.toFixed(3)}s after check.fail [fail call ${((failDone - failSentAt) / 1000).toFixed(3)}s], ` +
    `blocked ${blocked.toFixed(3)}s; index ${idx0} -> ${idx1}; ${early} early wake-up(s); via ${how})`;
}

async function stepE() {
  const { data: services } = await api.catalogServices();
  bodyIsJson(services, "catalog.service.list()");
  check(services && services[NAME], `catalog.service.list() does not contain ${NAME}: ${j(Object.keys(services || {}).slice(0, 20))}`);
  check(j([...services[NAME]].sort()) === j(["a", "b"]), `catalog.service.list()[${NAME}] tags ${j(services[NAME])} != ["a","b"]`);
  const { data: nodes } = await api.catalogService(NAME);
  check(Array.isArray(nodes) && nodes.length === 1, `catalog.service.nodes(${NAME}) should return 1 entry, got ${j(nodes)}`);
  const n = nodes[0];
  check(n.ServiceID === SID, `catalog ServiceID ${j(n.ServiceID)} != ${j(SID)}`);
  check(n.ServiceName === NAME, `catalog ServiceName ${j(n.ServiceName)} != ${j(NAME)}`);
  check(n.ServicePort === SVC_PORT, `catalog ServicePort ${j(n.ServicePort)} != ${SVC_PORT}`);
  check(n.ServiceAddress === "127.0.0.1", `catalog ServiceAddress ${j(n.ServiceAddress)}`);
  check(j([...(n.ServiceTags || [])].sort()) === j(["a", "b"]), `catalog ServiceTags ${j(n.ServiceTags)}`);
  return "";
}

async function stepF() {
  let r = await api.kvSet({ key: KEY, value: "v1" });
  state.kvWritten = true;
  check(r.data === true, `kv.set(${KEY}, "v1") returned ${j(r.data)}, expected true`);
  let { data: e } = await api.kvGet({ key: KEY });
  check(e && typeof e === "object" && !Buffer.isBuffer(e), `kv.get(${KEY}) returned ${j(e)} right after set`);
  check(e.Key === KEY, `kv.get Key ${j(e.Key)} != ${j(KEY)}`);
  check(e.Value === "v1", `kv.get Value ${j(e.Value)} != "v1"`);
  const mi = e.ModifyIndex;
  check(Number.isInteger(mi) && mi > 0, `kv.get ModifyIndex ${j(mi)}`);
  r = await api.kvSet({ key: KEY, value: "v2-wrong", cas: mi + 1000 });
  // consul@2.0.1 resolves a `false` body to undefined (papi's pipeline drops falsy results),
  // so for it only "not true" can be checked here; the value is re-read below in any case.
  const casFalseOk = flavour === "legacy" ? r.data === false : r.data === false || r.data === undefined;
  const r0 = r.data;
  check(casFalseOk, `kv.set(cas=<wrong index ${mi + 1000}>) returned ${j(r.data)}, expected false`);
  ({ data: e } = await api.kvGet({ key: KEY }));
  check(e && e.Value === "v1" && e.ModifyIndex === mi,
    `a CAS with a wrong index changed the key: Value ${j(e && e.Value)}, ModifyIndex ${j(e && e.ModifyIndex)} (was ${mi})`);
  r = await api.kvSet({ key: KEY, value: "v2", cas: mi });
  check(r.data === true, `kv.set(cas=<ModifyIndex ${mi}>) returned ${j(r.data)}, expected true`);
  ({ data: e } = await api.kvGet({ key: KEY }));
  check(e && e.Value === "v2", `after CAS kv.get Value ${j(e && e.Value)} != "v2"`);
  check(e.ModifyIndex > mi, `ModifyIndex did not grow after CAS: ${e.ModifyIndex} <= ${mi}`);
  r = await api.kvSet({ key: `${KV_PREFIX}k2`, value: "w" });
  check(r.data === true, `kv.set(${KV_PREFIX}k2) returned ${j(r.data)}`);
  const { data: list } = await api.kvGet({ key: KV_PREFIX, recurse: true });
  check(Array.isArray(list), `recursive kv.get(${KV_PREFIX}) returned ${j(list)}`);
  const got = list.map((x) => [x.Key, x.Value]);
  check(j(got) === j([[KEY, "v2"], [`${KV_PREFIX}k2`, "w"]]), `recursive kv.get(${KV_PREFIX}) returned ${j(got)}`);
  r = await api.kvDel({ key: KV_PREFIX, recurse: true });
  // consul@2 returns the decoded body (true); consul@0.27 discards the body (undefined).
  check(flavour === "legacy" ? r.data === undefined : r.data === true, `kv.del(recurse) returned ${j(r.data)}`);
  state.kvWritten = false;
  ({ data: e } = await api.kvGet({ key: KEY }));
  check(e === undefined, `kv.get(${KEY}) after recursive delete returned ${j(e)}, expected undefined (404)`);
  const { data: gone } = await api.kvGet({ key: KV_PREFIX, recurse: true });
  check(gone === undefined, `recursive kv.get after delete returned ${j(gone)}, expected undefined (404)`);
  const quirk = flavour === "modern" && r0 === undefined ? "; client reported the false CAS result as undefined" : "";
  return `(key ${KEY}, ModifyIndex ${mi} -> CAS ok${quirk})`;
}

async function stepG() {
  try {
    await api.deregister(SID);
  } catch (e) {
    throw new StepFailed(`agent.service.deregister() failed: ${describe(e)}.${legacyVerbHint("/v1/agent/service/deregister/<id>")}`);
  }
  state.deregistered = true;
  const { data: nodes } = await api.health({ service: NAME });
  check(Array.isArray(nodes) && nodes.length === 0, `health.service() after deregister: ${fmtEntries(nodes)}`);
  const { data: services } = await api.catalogServices();
  check(services && !(NAME in services), `catalog.service.list() still lists ${NAME}`);
  const { data: cat } = await api.catalogService(NAME);
  check(Array.isArray(cat) && cat.length === 0, `catalog.service.nodes() after deregister: ${j(cat)}`);
  const { data: agentSvcs } = await api.services();
  check(!(SID in (agentSvcs || {})), `agent.service.list() still lists ${SID}`);
  const { data: agentChecks } = await api.checks();
  check(!(CHECK_ID in (agentChecks || {})), `agent.check.list() still lists ${CHECK_ID}`);
  return "";
}

const STEPS = [
  ["a", "register", stepA],
  ["b", "health-passing-empty", stepB],
  ["c", "ttl-pass", stepC],
  ["d", "blocking-wakeup", flavour === "modern" ? stepDModern : stepDLegacy],
  ["e", "catalog", stepE],
  ["f", "kv", stepF],
  ["g", "deregister", stepG],
];
const DEPENDS = { b: "a", c: "a", d: "c", e: "a", g: "a" };

async function main() {
  out(`# client: npm consul@${pkgVersion} (${flavour}); node ${process.version}; agent ${BASE}; service ${NAME}`);
  const results = {};
  let unreachable = null;
  for (const [letter, name, fn] of STEPS) {
    const label = `${letter}-${name}`;
    if (unreachable) {
      results[letter] = false;
      out(`FAIL ${label}: skipped (agent unreachable)`);
      continue;
    }
    const dep = DEPENDS[letter];
    if (dep && !results[dep]) {
      results[letter] = false;
      out(`FAIL ${label}: skipped because step ${dep} failed`);
      continue;
    }
    try {
      const detail = await fn();
      results[letter] = true;
      out(`ok ${label}${detail ? " " + detail : ""}`);
    } catch (e) {
      results[letter] = false;
      if (isConnError(e)) {
        unreachable = `cannot connect to ${BASE} - is the agent running? (${e.code || e.message})`;
        out(`FAIL ${label}: ${unreachable}`);
      } else {
        out(`FAIL ${label}: ${describe(e)}`);
      }
    }
  }
  if (!unreachable) {
    // best-effort cleanup so a failed run leaves nothing behind
    try {
      if (state.registered && !state.deregistered) await api.deregister(SID);
    } catch (_) {}
    try {
      if (state.kvWritten) await api.kvDel({ key: KV_PREFIX, recurse: true });
    } catch (_) {}
  }
  const passed = Object.values(results).filter(Boolean).length;
  const failed = Object.keys(results).length - passed;
  out(`conformance: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => {
    clearTimeout(watchdog);
    if (consul.destroy) consul.destroy();
    exit(code);
  },
  (e) => {
    out(`FAIL internal: ${e && e.stack}`);
    exit(1);
  },
);
