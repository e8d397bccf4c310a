#!/bin/bash
# Samples the resident memory of a running dashboard and of its worker processes every 2 s, until the dashboard
# exits: one line per sample, "time dashboard-MB workers-MB". This is how the README's "Runs in worker processes,
# measured" figures were taken:
#   BERTLAB_DATA=/tmp/memdash BERTLAB_ADMIN_PASSWORD=admin-password PORT=8093 \
#     java -jar target/bertlab.jar --bertlab.quickstart-examples=400,100,200 --bertlab.threads=1 &
#   tools/memory/dashboard-rss.sh $! > rss.log
# (a fresh data directory, its models/ and cache/npm linked to the checkout's data/ so that nothing is unpacked again)
set -eu
pid=${1:?usage: dashboard-rss.sh DASHBOARD_PID}
rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$1/status" 2>/dev/null || echo 0; }
while kill -0 "$pid" 2>/dev/null; do
  workers=0
  for child in $(pgrep -P "$pid" || true); do
    workers=$((workers + $(rss "$child")))
  done
  echo "$(date +%T) $(rss "$pid") $workers"
  sleep 2
done
