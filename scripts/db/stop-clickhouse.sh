#!/usr/bin/env bash
# Stop a server started by start-clickhouse.sh and remove its folder.
set -euo pipefail
dir=$1
launcher=$(cat "$dir/launcher.pid")
server=$(cat "$dir/server.pid" 2>/dev/null || pgrep -P "$launcher" || echo "$launcher")
kill "$server" 2>/dev/null || true
for _ in $(seq 1 300); do
    kill -0 "$server" 2>/dev/null || kill -0 "$launcher" 2>/dev/null || break
    sleep 0.1
done
rm -rf "$dir"
