#!/bin/sh
# Bench only: the Node seed's restart as it was, for `bench/run churn`'s "seed" row. After every render, start a new
# HAProxy that hard-stops the old one (-st: its connections and requests in flight are cut), with no `haproxy -c` first.
# The restart Roster ships is examples/seed/haproxy-restart.sh (checks the config, then -sf, a graceful hand-over).
#   usage: haproxy-restart-st.sh CONFIG      (env: ROSTER_HAPROXY_PIDFILE, HAPROXY=path of the haproxy binary)
set -eu
config="$1"
pidfile="${ROSTER_HAPROXY_PIDFILE:?ROSTER_HAPROXY_PIDFILE must name the pid file}"
haproxy="${HAPROXY:-haproxy}"

if [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  exec "$haproxy" -D -f "$config" -p "$pidfile" -st $(cat "$pidfile")
fi
exec "$haproxy" -D -f "$config" -p "$pidfile"
