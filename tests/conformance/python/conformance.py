#!/usr/bin/python3
"""Roster conformance script driven by Debian's python3-consul (python-consul 0.7.1).

Runs steps a..g (see ../README.md) against the agent named by CONSUL_HTTP_ADDR
(default 127.0.0.1:8500; "host:port" or "http://host:port"), printing one line per
step: "ok <step>..." or "FAIL <step>: <why>".  Lines starting with "# " are
information only.  Exit status: 0 all steps passed, 1 some step failed,
2 setup error (library missing, bad address), 124 overall timeout.

Only the library's public API is used.  python-consul 0.7.1 sends GET for
check pass/warn/fail and for service deregister, so the agent must run with
-legacy-verbs (real Consul >= 1.0 answers those GETs with 405).
"""
import os
import sys

# Debian's python3-consul lives in /usr/lib/python3/dist-packages, which only the
# system interpreter sees.  If we were started by another python3 (pyenv, venv),
# re-run ourselves under /usr/bin/python3 once.
try:
    import consul  # noqa: E402
except ImportError:
    if (os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3")
            and os.path.exists("/usr/lib/python3/dist-packages/consul/__init__.py")
            and not os.environ.get("ROSTER_CONFORMANCE_REEXEC")):
        os.environ["ROSTER_CONFORMANCE_REEXEC"] = "1"
        os.execv("/usr/bin/python3", ["/usr/bin/python3", os.path.abspath(__file__)] + sys.argv[1:])
    print("FAIL setup: cannot import the 'consul' module (python-consul); "
          "install it with: apt-get install -y python3-consul   (run with /usr/bin/python3)",
          flush=True)
    sys.exit(2)

import random  # noqa: E402
import string  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402

import requests  # noqa: E402  (dependency of python3-consul; only used to recognise its errors)

TIMEOUT_S = float(os.environ.get("CONFORMANCE_TIMEOUT", "60"))
BLOCK_WAIT_S = 10  # wait= of the blocking query in step d
MAX_WAKE_S = 5.0   # step d: the blocked call must wake within this after the check is failed

STEPS = [
    ("a", "register"),
    ("b", "health-passing-empty"),
    ("c", "ttl-pass"),
    ("d", "blocking-wakeup"),
    ("e", "catalog"),
    ("f", "kv"),
    ("g", "deregister"),
]
DEPENDS = {"b": "a", "c": "a", "d": "c", "e": "a", "g": "a"}


def out(line):
    # one line per step, whatever the agent put in its error bodies
    print(" ".join(str(line).split()), flush=True)


# ---------------------------------------------------------------- hard timeout
def _on_timeout():
    out("FAIL timeout: overall time limit of %gs exceeded (a request to the agent hung?)" % TIMEOUT_S)
    out("conformance: 0 passed, 1 failed")
    os._exit(124)


_watchdog = threading.Timer(TIMEOUT_S, _on_timeout)
_watchdog.daemon = True
_watchdog.start()


# ---------------------------------------------------------------- address
def parse_addr(raw):
    raw = (raw or "127.0.0.1:8500").strip()
    scheme = "http"
    low = raw.lower()
    if low.startswith("http://"):
        raw = raw[7:]
    elif low.startswith("https://"):
        scheme, raw = "https", raw[8:]
    raw = raw.rstrip("/")
    if raw.startswith("["):  # [::1]:8500
        host, _, port = raw[1:].partition("]")
        host, port = "[" + host + "]", port.lstrip(":")
    else:
        host, _, port = raw.rpartition(":")
        if not host:
            host, port = port, "8500"
    if not port.isdigit() or not host:
        raise ValueError("CONSUL_HTTP_ADDR %r is not host:port or http://host:port" % raw)
    return scheme, host, int(port)


try:
    SCHEME, HOST, PORT = parse_addr(os.environ.get("CONSUL_HTTP_ADDR"))
except ValueError as e:
    out("FAIL setup: %s" % e)
    sys.exit(2)
# python-consul 0.7.1 re-reads CONSUL_HTTP_ADDR itself and splits it on ':' only, so an
# "http://host:port" value makes Consul() raise.  Hand it the normalised address instead.
os.environ["CONSUL_HTTP_ADDR"] = "%s:%d" % (HOST, PORT)
os.environ.pop("CONSUL_HTTP_SSL", None)
# Never route loopback traffic through a proxy from the environment.
for _v in ("no_proxy", "NO_PROXY"):
    os.environ[_v] = ",".join(filter(None, [os.environ.get(_v), "127.0.0.1", "localhost", "::1", HOST.strip("[]")]))
BASE = "%s://%s:%d" % (SCHEME, HOST, PORT)


class StepFailed(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise StepFailed(msg)


def new_client():
    if ":" in HOST.strip("[]") and not HOST.startswith("["):
        host = "[" + HOST + "]"
    else:
        host = HOST
    # consistency/dc/token defaults; CONSUL_HTTP_TOKEN is honoured by the library itself.
    return consul.Consul(host=host, port=PORT, scheme=SCHEME)


RID = "".join(random.choice(string.ascii_lowercase + string.digits) for _ in range(8))
NAME = "conf-" + RID
SID = NAME + "-1"
CHECK_ID = "service:" + SID
SVC_PORT = random.randint(20000, 29999)
KV_PREFIX = "conf/%s/" % RID
KEY = KV_PREFIX + "k"

c = new_client()
results = {}
state = {"registered": False, "deregistered": False, "kv_written": False}


def fmt_entries(entries):
    try:
        return "[" + ", ".join("%s@%s:%s" % (e["Service"]["ID"], e["Service"]["Address"], e["Service"]["Port"])
                               for e in entries) + "]"
    except Exception:
        return repr(entries)[:300]


# ---------------------------------------------------------------- steps
def step_a():
    chk = consul.Check.ttl("10s")
    # Check.ttl() has no deregister argument; Check.http/tcp/docker put it in the dict under
    # exactly this key, so a user adds it the same way.
    chk["DeregisterCriticalServiceAfter"] = "1m"
    ok = c.agent.service.register(NAME, service_id=SID, address="127.0.0.1", port=SVC_PORT,
                                  tags=["a", "b"], check=chk)
    check(ok is True, "agent.service.register() returned %r (non-200 answer)" % (ok,))
    state["registered"] = True
    services = c.agent.services()
    check(isinstance(services, dict) and SID in services,
          "agent.services() does not list %s: %r" % (SID, list(services or {})[:10]))
    s = services[SID]
    check(s.get("Service") == NAME and s.get("Port") == SVC_PORT and s.get("Address") == "127.0.0.1"
          and s.get("Tags") == ["a", "b"], "agent.services()[%s] has wrong fields: %r" % (SID, s))
    checks = c.agent.checks()
    check(isinstance(checks, dict) and CHECK_ID in checks,
          "agent.checks() has no %s: %r" % (CHECK_ID, list(checks or {})[:10]))
    st = checks[CHECK_ID].get("Status")
    check(st == "critical", "new TTL check status is %r, expected 'critical'" % st)
    return "(service %s id %s port %d, check %s critical)" % (NAME, SID, SVC_PORT, CHECK_ID)


def step_b():
    idx, nodes = c.health.service(NAME, passing=True)
    check(nodes == [], "health.service(passing=True) should be [] while the TTL check is critical, got %s"
          % fmt_entries(nodes))
    idx_all, nodes_all = c.health.service(NAME)
    check(len(nodes_all) == 1 and nodes_all[0]["Service"]["ID"] == SID,
          "health.service() without passing should list the critical instance, got %s" % fmt_entries(nodes_all))
    statuses = {ch.get("CheckID"): ch.get("Status") for ch in nodes_all[0].get("Checks", [])}
    check(statuses.get(CHECK_ID) == "critical", "instance checks: %r" % statuses)
    return "(X-Consul-Index %s)" % idx


def verify_instance(nodes, what):
    check(isinstance(nodes, list) and len(nodes) == 1,
          "%s should return exactly 1 instance, got %s" % (what, fmt_entries(nodes)))
    svc = nodes[0]["Service"]
    check(svc.get("ID") == SID, "%s: Service.ID %r != %r" % (what, svc.get("ID"), SID))
    check(svc.get("Service") == NAME, "%s: Service.Service %r != %r" % (what, svc.get("Service"), NAME))
    check(svc.get("Address") == "127.0.0.1", "%s: Service.Address %r" % (what, svc.get("Address")))
    check(svc.get("Port") == SVC_PORT, "%s: Service.Port %r != %d" % (what, svc.get("Port"), SVC_PORT))
    check(svc.get("Tags") == ["a", "b"], "%s: Service.Tags %r != ['a', 'b']" % (what, svc.get("Tags")))


def step_c():
    ok = c.agent.check.ttl_pass(CHECK_ID, "conformance pass")
    check(ok is True, "agent.check.ttl_pass() returned %r: the agent did not answer 200. "
          "python-consul 0.7.1 sends GET /v1/agent/check/pass/<id>; the agent must run with "
          "-legacy-verbs (default mode answers 405)" % (ok,))
    idx, nodes = c.health.service(NAME, passing=True)
    verify_instance(nodes, "health.service(passing=True)")
    return "(X-Consul-Index %s)" % idx


def step_d():
    idx0, nodes0 = c.health.service(NAME, passing=True)
    verify_instance(nodes0, "health.service(passing=True) before blocking")
    check(idx0 is not None and str(idx0).isdigit() and int(idx0) > 0,
          "X-Consul-Index of health.service is %r, expected a positive integer" % (idx0,))
    blocker = new_client()  # separate requests.Session for the concurrent call
    res = {"calls": []}
    fail_sent = threading.Event()

    def run():
        index = idx0
        deadline = time.time() + BLOCK_WAIT_S + 5
        try:
            while True:
                t0 = time.time()
                i, nodes = blocker.health.service(NAME, passing=True, index=index, wait="%ds" % BLOCK_WAIT_S)
                t1 = time.time()
                res["calls"].append((index, i, nodes, t0, t1, fail_sent.is_set()))
                # A wake-up before we failed the check (unchanged data, larger index) is legal
                # in Consul; block again with the new index like a real client does.
                if not fail_sent.is_set() and nodes and str(i) != str(index) and t1 < deadline:
                    index = i
                    continue
                return
        except Exception as e:  # reported by the main thread
            res["error"] = e

    th = threading.Thread(target=run, daemon=True)
    t_start = time.time()
    th.start()
    time.sleep(1.0)
    if "error" in res:
        raise res["error"]
    if not th.is_alive():
        index, i, nodes, t0, t1, _ = res["calls"][-1]
        raise StepFailed("blocking health.service(index=%s, wait=%ds) returned after %.3fs, before the check "
                         "was failed (index %s, %d passing) - index/wait not honoured?"
                         % (index, BLOCK_WAIT_S, t1 - t0, i, len(nodes or [])))
    t_fail = time.time()
    fail_sent.set()
    ok = c.agent.check.ttl_fail(CHECK_ID, "conformance fail")
    t_fail_done = time.time()
    check(ok is True, "agent.check.ttl_fail() returned %r: the agent did not answer 200. python-consul 0.7.1 "
          "sends GET /v1/agent/check/fail/<id>; the agent must run with -legacy-verbs" % (ok,))
    th.join(BLOCK_WAIT_S + 8)
    if th.is_alive():
        raise StepFailed("blocking query still not answered %.1fs after the check was failed"
                         % (time.time() - t_fail))
    if "error" in res:
        raise res["error"]
    index, i, nodes, t0, t1, _ = res["calls"][-1]
    blocked = t1 - t0
    wake = t1 - t_fail
    spurious = len(res["calls"]) - 1
    check(blocked < BLOCK_WAIT_S,
          "blocking query (index=%s, wait=%ds) was not woken by the check change: it returned after %.3fs "
          "(its wait expired); wake-up %.3fs after ttl_fail" % (index, BLOCK_WAIT_S, blocked, wake))
    check(wake <= MAX_WAKE_S, "wake-up took %.3fs after ttl_fail (limit %.1fs)" % (wake, MAX_WAKE_S))
    check(str(i).isdigit() and int(i) > int(idx0),
          "blocking query returned X-Consul-Index %r, expected > %s" % (i, idx0))
    check(nodes == [], "after ttl_fail the passing list must be empty, got %s" % fmt_entries(nodes))
    idx_after, nodes_after = c.health.service(NAME, passing=True)
    check(nodes_after == [], "non-blocking passing query after ttl_fail: %s" % fmt_entries(nodes_after))
    return ("(woke %.3fs after ttl_fail [ttl_fail call %.3fs], blocked %.3fs; index %s -> %s; "
            "%d early wake-up(s); via direct index/wait call)"
            % (wake, t_fail_done - t_fail, blocked, idx0, i, spurious))


def step_e():
    idx, services = c.catalog.services()
    check(isinstance(services, dict) and NAME in services,
          "catalog.services() does not contain %s: %r" % (NAME, sorted(services or {})[:20]))
    check(sorted(services[NAME]) == ["a", "b"], "catalog.services()[%s] tags %r != ['a', 'b']"
          % (NAME, services[NAME]))
    idx2, nodes = c.catalog.service(NAME)
    check(isinstance(nodes, list) and len(nodes) == 1,
          "catalog.service(%s) should return 1 entry, got %r" % (NAME, nodes))
    n = nodes[0]
    check(n.get("ServiceID") == SID, "catalog ServiceID %r != %r" % (n.get("ServiceID"), SID))
    check(n.get("ServiceName") == NAME, "catalog ServiceName %r != %r" % (n.get("ServiceName"), NAME))
    check(n.get("ServicePort") == SVC_PORT, "catalog ServicePort %r != %d" % (n.get("ServicePort"), SVC_PORT))
    check(n.get("ServiceAddress") == "127.0.0.1", "catalog ServiceAddress %r" % (n.get("ServiceAddress"),))
    check(sorted(n.get("ServiceTags") or []) == ["a", "b"], "catalog ServiceTags %r" % (n.get("ServiceTags"),))
    return "(services index %s, service index %s)" % (idx, idx2)


def kv_get(key, **kw):
    try:
        return c.kv.get(key, **kw)
    except KeyError as e:
        # python-consul reads response.headers['X-Consul-Index'] unconditionally, also on 404.
        raise StepFailed("kv.get(%r) crashed with KeyError %s: the response lacks the X-Consul-Index header "
                         "(required on KV 404 too)" % (key, e))


def step_f():
    ok = c.kv.put(KEY, "v1")
    state["kv_written"] = True
    check(ok is True, "kv.put(%r, 'v1') returned %r" % (KEY, ok))
    idx, e = kv_get(KEY)
    check(e is not None, "kv.get(%r) returned None right after put" % KEY)
    check(e.get("Key") == KEY, "kv.get Key %r != %r" % (e.get("Key"), KEY))
    check(e.get("Value") == b"v1", "kv.get Value %r != b'v1'" % (e.get("Value"),))
    mi = e.get("ModifyIndex")
    check(isinstance(mi, int) and mi > 0, "kv.get ModifyIndex %r" % (mi,))
    ok = c.kv.put(KEY, "v2-wrong", cas=mi + 1000)
    check(ok is False, "kv.put(cas=<wrong index %d>) returned %r, expected False" % (mi + 1000, ok))
    ok = c.kv.put(KEY, "v2", cas=mi)
    check(ok is True, "kv.put(cas=<ModifyIndex %d>) returned %r, expected True" % (mi, ok))
    idx, e = kv_get(KEY)
    check(e is not None and e.get("Value") == b"v2", "after CAS kv.get Value %r != b'v2'"
          % (e and e.get("Value"),))
    check(e.get("ModifyIndex", 0) > mi, "ModifyIndex did not grow after CAS: %r <= %d" % (e.get("ModifyIndex"), mi))
    ok = c.kv.put(KV_PREFIX + "k2", "w")
    check(ok is True, "kv.put(%r) returned %r" % (KV_PREFIX + "k2", ok))
    idx, entries = kv_get(KV_PREFIX, recurse=True)
    check(isinstance(entries, list), "recursive kv.get(%r) returned %r" % (KV_PREFIX, entries))
    got = [(x.get("Key"), x.get("Value")) for x in entries]
    check(got == [(KEY, b"v2"), (KV_PREFIX + "k2", b"w")], "recursive kv.get(%r) returned %r" % (KV_PREFIX, got))
    ok = c.kv.delete(KV_PREFIX, recurse=True)
    check(ok is True, "kv.delete(%r, recurse=True) returned %r" % (KV_PREFIX, ok))
    state["kv_written"] = False
    idx, e = kv_get(KEY)
    check(e is None, "kv.get(%r) after recursive delete returned %r, expected None (404)" % (KEY, e))
    idx, entries = kv_get(KV_PREFIX, recurse=True)
    check(entries is None, "recursive kv.get after delete returned %r, expected None (404)" % (entries,))
    return "(key %s, ModifyIndex %d -> CAS ok, 404 index %s)" % (KEY, mi, idx)


def step_g():
    ok = c.agent.service.deregister(SID)
    check(ok is True, "agent.service.deregister() returned %r: the agent did not answer 200. python-consul "
          "0.7.1 sends GET /v1/agent/service/deregister/<id>; the agent must run with -legacy-verbs" % (ok,))
    state["deregistered"] = True
    idx, nodes = c.health.service(NAME)
    check(nodes == [], "health.service() after deregister: %s" % fmt_entries(nodes))
    idx, services = c.catalog.services()
    check(NAME not in services, "catalog.services() still lists %s" % NAME)
    idx, cat = c.catalog.service(NAME)
    check(cat == [], "catalog.service() after deregister: %r" % (cat,))
    check(SID not in c.agent.services(), "agent.services() still lists %s" % SID)
    check(CHECK_ID not in c.agent.checks(), "agent.checks() still lists %s" % CHECK_ID)
    return ""


FUNCS = {"a": step_a, "b": step_b, "c": step_c, "d": step_d, "e": step_e, "f": step_f, "g": step_g}


def describe(e):
    if isinstance(e, StepFailed):
        return str(e)
    if isinstance(e, KeyError) and "x-consul-index" in str(e).lower():
        return ("the agent's response has no X-Consul-Index header (python-consul reads it on every "
                "health/catalog/kv read and on every 404; KeyError %s)" % e)
    if isinstance(e, consul.ConsulException):
        return "%s from the agent: %s" % (type(e).__name__, str(e).strip()[:500])
    return "%s: %s" % (type(e).__name__, str(e)[:500])


def main():
    out("# client: python-consul %s (Debian python3-consul) from %s; python %s; agent %s; service %s"
        % (consul.__version__, os.path.dirname(consul.__file__), sys.version.split()[0], BASE, NAME))
    unreachable = None
    for letter, name in STEPS:
        label = "%s-%s" % (letter, name)
        if unreachable:
            results[letter] = False
            out("FAIL %s: skipped (agent unreachable)" % label)
            continue
        dep = DEPENDS.get(letter)
        if dep and not results.get(dep):
            results[letter] = False
            out("FAIL %s: skipped because step %s failed" % (label, dep))
            continue
        try:
            detail = FUNCS[letter]()
            results[letter] = True
            out("ok %s %s" % (label, detail or ""))
        except requests.exceptions.ConnectionError as e:
            results[letter] = False
            unreachable = "cannot connect to %s - is the agent running? (%s)" % (BASE, type(e).__name__)
            out("FAIL %s: %s" % (label, unreachable))
        except Exception as e:  # noqa: BLE001 - every failure becomes a FAIL line
            results[letter] = False
            out("FAIL %s: %s" % (label, describe(e)))
    # best-effort cleanup so a failed run leaves nothing behind
    if not unreachable:
        try:
            if state["registered"] and not state["deregistered"]:
                c.agent.service.deregister(SID)
            if state["kv_written"]:
                c.kv.delete(KV_PREFIX, recurse=True)
        except Exception:
            pass
    passed = sum(1 for v in results.values() if v)
    failed = len(results) - passed
    out("conformance: %d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)
