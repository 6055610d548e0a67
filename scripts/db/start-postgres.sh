#!/usr/bin/env bash
# Start Debian's PostgreSQL 15 as a plain process on loopback, its data in a temporary folder.
# Prints the folder; stop with scripts/db/stop-postgres.sh FOLDER.
# Usage: start-postgres.sh [PORT] [PASSWORD]   (defaults: 15432, "journey-test")
# PostgreSQL refuses to run as root: as root it runs everything as the 'postgres' user that the
# postgresql package creates (runuser), and the folder belongs to that user.
# Role 'journey' (password auth, scram-sha-256) and database 'journey' are created.
set -euo pipefail
port=${1:-15432}
password=${2:-journey-test}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
dir=$(mktemp -d "${TMPDIR:-/tmp}/journey-postgres.XXXXXX")
run=()
if [ "$(id -u)" = 0 ]; then
    chown postgres: "$dir"
    run=(runuser -u postgres --)
fi
start=$(date +%s%N)
printf '%s\n' "$password" > "$dir/pwfile"
[ "$(id -u)" = 0 ] && chown postgres: "$dir/pwfile"
# initdb: superuser 'journey' with that password; only scram over TCP on loopback, no socket login
"${run[@]}" "$bin/initdb" -D "$dir/data" -U journey --pwfile="$dir/pwfile" -A scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1
rm -f "$dir/pwfile"
inited=$(date +%s%N)
"${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null
up=$(date +%s%N)
PGPASSWORD=$password "$bin/psql" -h 127.0.0.1 -p "$port" -U journey -d postgres -qAt \
    -c "CREATE DATABASE journey" >/dev/null
echo "postgres up on 127.0.0.1:$port: initdb $(( (inited - start) / 1000000 )) ms, start $(( (up - inited) / 1000000 )) ms" >&2
echo "$dir"
