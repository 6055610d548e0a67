#!/usr/bin/env bash
# Stop a server started by start-clickhouse.sh and remove its folder.
set -euo pipefail
dir=$1
if [ -f "$dir/server.pid" ]; then kill "$(cat "$dir/server.pid")" 2>/dev/null || true; fi
for _ in $(seq 1 100); do
    kill -0 "$(cat "$dir/launcher.pid")" 2>/dev/null || break
    sleep 0.1
done
rm -rf "$dir"
