#!/usr/bin/env bash
# Start Debian's clickhouse-server (18.16) as a plain process on loopback, its data in a
# temporary folder. Prints the folder; stop with scripts/db/stop-clickhouse.sh FOLDER.
# Usage: start-clickhouse.sh [HTTP_PORT] [PASSWORD]   (defaults: 18123, "journey-test")
# Runs as root or not: the server itself refuses nothing, but under root it runs as the
# 'clickhouse' user the package creates when that user exists (the data folder is chowned).
set -euo pipefail
http_port=${1:-18123}
password=${2:-journey-test}
tcp_port=$((http_port + 1))
dir=$(mktemp -d "${TMPDIR:-/tmp}/journey-clickhouse.XXXXXX")
mkdir -p "$dir/data/" "$dir/tmp/" "$dir/log" "$dir/format_schemas/"
# Password as SHA-256 so the plain text is not in the file.
sha=$(printf '%s' "$password" | sha256sum | cut -d' ' -f1)
cat > "$dir/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
    <logger>
        <level>warning</level>
        <log>$dir/log/server.log</log>
        <errorlog>$dir/log/error.log</errorlog>
        <size>10M</size>
        <count>1</count>
    </logger>
    <listen_host>127.0.0.1</listen_host>
    <http_port>$http_port</http_port>
    <tcp_port>$tcp_port</tcp_port>
    <path>$dir/data/</path>
    <tmp_path>$dir/tmp/</tmp_path>
    <format_schema_path>$dir/format_schemas/</format_schema_path>
    <users_config>$dir/users.xml</users_config>
    <default_profile>default</default_profile>
    <default_database>default</default_database>
    <mark_cache_size>104857600</mark_cache_size>
    <max_concurrent_queries>20</max_concurrent_queries>
    <timezone>UTC</timezone>
</yandex>
XML
cat > "$dir/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
    <profiles>
        <default>
            <max_memory_usage>4000000000</max_memory_usage>
        </default>
    </profiles>
    <users>
        <default>
            <password_sha256_hex>$sha</password_sha256_hex>
            <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
            <profile>default</profile>
            <quota>default</quota>
        </default>
    </users>
    <quotas><default></default></quotas>
</yandex>
XML
run=()
if [ "$(id -u)" = 0 ] && id clickhouse >/dev/null 2>&1; then
    chown -R clickhouse: "$dir"
    run=(runuser -u clickhouse --)
fi
if curl -sf "http://127.0.0.1:$http_port/ping" >/dev/null 2>&1; then
    echo "port $http_port already answers: another server is there" >&2
    rm -rf "$dir"
    exit 1
fi
start=$(date +%s.%N)
# 18.16 takes --pidfile (not --pid-file); the stop script falls back to the launcher's child.
"${run[@]}" /usr/sbin/clickhouse-server --config-file="$dir/config.xml" \
    --pidfile="$dir/server.pid" >"$dir/log/stdout.log" 2>&1 &
echo $! > "$dir/launcher.pid"
for _ in $(seq 1 300); do
    if curl -sf "http://127.0.0.1:$http_port/ping" >/dev/null 2>&1; then
        end=$(date +%s.%N)
        echo "clickhouse up on 127.0.0.1:$http_port in $(echo "$end - $start" | bc) s" >&2
        echo "$dir"
        exit 0
    fi
    sleep 0.1
done
echo "clickhouse did not start; see $dir/log" >&2
cat "$dir/log/stdout.log" "$dir/log/error.log" >&2 2>/dev/null || true
exit 1
