#!/bin/sh
# The seed's reload command for `roster template` (or consul-template): check the freshly rendered config, then start
# a new HAProxy that takes over from the running one gracefully (-sf: the old process finishes its requests and exits;
# the seed used -st, which cuts them). A config that does not check leaves the running HAProxy alone.
#   usage: haproxy-restart.sh [CONFIG]      (default: advanced.cfg next to this script)
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
config="${1:-$here/advanced.cfg}"
pidfile="${ROSTER_HAPROXY_PIDFILE:-/tmp/roster-haproxy.pid}"

if ! haproxy -c -q -f "$config"; then
  echo "haproxy-restart: $config does not check; the running HAProxy keeps its config" >&2
  exit 1
fi

if [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  exec haproxy -D -f "$config" -p "$pidfile" -sf $(cat "$pidfile")
fi
exec haproxy -D -f "$config" -p "$pidfile"
