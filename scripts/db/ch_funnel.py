#!/usr/bin/env python3
"""Groundwork probe: load an event CSV into ClickHouse 18.16 (Debian's clickhouse-server) and
measure the ordered funnel with windowFunnel over HTTP, event names sent as external data
(never spliced into SQL). Standard library only.

    ch_funnel.py load  EVENTS.csv [--table T] [--url http://127.0.0.1:18123] [--password P]
    ch_funnel.py query --stages JSON [--window SECONDS] [--table T] [--levels] [--print-sql]

The query prints {"reach": [...], "levels": {customer: level}} like bench/engines/*.
18.16 specifics (see docs/databases-groundwork.md):
  * windowFunnel takes DateTime or UInt32 only, and keeps timestamps in Int32 internally, so a
    value >= 2^31 is never matched: the timestamp is rebased on the log's first second.
  * the window parameter is kept in 32 bits (2^32 s is a window of 0): clamped to 2^31 - 1.
  * ties are NOT broken by stage (the sort compares timestamps only): the timestamp passed is
    (second - base) * M + stage with M = stages + 1, and the window W * M + M - 2, which sorts
    by (time, stage) and keeps the inclusive window exact.
"""
from __future__ import annotations

import argparse
import base64
import calendar
import csv
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid


def quote_ident(name: str) -> str:
    """A ClickHouse identifier in backquotes; backslash and backquote escaped."""
    return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`"


def tsv_escape(value: str) -> str:
    """A field of ClickHouse's TabSeparated format."""
    return (value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            .replace("\r", "\\r").replace("\0", "\\0"))


def request(args, query: str | None, body: bytes | None = None, external: dict[str, list[str]] | None = None,
            params: dict[str, str] | None = None) -> str:
    params = dict(params or {})
    headers = {"Authorization": "Basic " + base64.b64encode(f"{args.user}:{args.password}".encode()).decode()}
    if external:
        # multipart/form-data: the query and one file per external table (TSV, one String column)
        boundary = uuid.uuid4().hex
        parts = []
        def part(name: str, data: bytes, filename: str | None = None):
            disp = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
            parts.append(f"--{boundary}\r\nContent-Disposition: {disp}\r\n\r\n".encode() + data + b"\r\n")
        part("query", query.encode())
        for table, names in external.items():
            params[f"{table}_structure"] = "name String"
            part(table, "".join(tsv_escape(n) + "\n" for n in names).encode(), filename=table)
        parts.append(f"--{boundary}--\r\n".encode())
        body = b"".join(parts)
        headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
    elif body is not None:
        params["query"] = query
    else:
        body = query.encode()
    url = args.url + "/?" + urllib.parse.urlencode(params)
    req = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=args.timeout) as resp:
            return resp.read().decode()
    except urllib.error.HTTPError as e:
        raise SystemExit(f"ClickHouse HTTP {e.code}: {e.read().decode()[:400]}")


def epoch(text: str) -> int:
    return calendar.timegm(time.strptime(text, "%Y-%m-%dT%H:%M:%SZ"))


def load(args) -> None:
    t = quote_ident(args.table)
    request(args, f"DROP TABLE IF EXISTS {t}")
    request(args, f"CREATE TABLE {t} (customer_id String, timestamp DateTime, event String) "
                  "ENGINE = MergeTree() ORDER BY (customer_id, timestamp)")
    start = time.time()
    rows = []
    with open(args.events, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        ci, ti, ei = header.index("customer_id"), header.index("timestamp"), header.index("event")
        for row in reader:
            rows.append(f"{tsv_escape(row[ci])}\t{epoch(row[ti])}\t{tsv_escape(row[ei])}\n")
    request(args, f"INSERT INTO {t} FORMAT TabSeparated", body="".join(rows).encode())
    print(json.dumps({"rows": len(rows), "seconds": round(time.time() - start, 3)}))


def funnel_sql(table: str, n: int, window: int, base: int) -> str:
    m = n + 1
    stage = "multiIf(" + ", ".join(f"event IN stage{k}, {k}" for k in range(1, n + 1)) + ", 0)"
    conds = ", ".join(f"stage = {k}" for k in range(1, n + 1))
    # 18.16 keeps the window in 32 bits (2^32 wraps to 0) and timestamps in Int32: a window past
    # the largest rebased timestamp means no window, so clamp it there.
    return (f"SELECT customer_id, windowFunnel({min(window * m + m - 2, 2**31 - 1)})"
            f"(toUInt32((toUInt32(timestamp) - {base}) * {m} + stage), {conds}) AS level\n"
            f"FROM (SELECT customer_id, timestamp, {stage} AS stage FROM {quote_ident(table)}\n"
            f"      WHERE event IN funnel_events)\n"
            f"GROUP BY customer_id")


def query(args) -> None:
    stages = json.loads(args.stages)
    n = len(stages)
    external = {f"stage{k + 1}": names for k, names in enumerate(stages)}
    external["funnel_events"] = [name for names in stages for name in names]
    t = quote_ident(args.table)
    start = time.time()
    lo, hi = map(int, request(args, f"SELECT toUInt32(min(timestamp)), toUInt32(max(timestamp)) FROM {t} "
                                    "WHERE event IN funnel_events",
                              external={"funnel_events": external["funnel_events"]}).split())
    if (hi - lo) * (n + 1) + n >= 2**31:
        raise SystemExit("the log spans too long for ClickHouse 18.16's 31-bit timestamps at this many stages")
    sql = funnel_sql(args.table, n, args.window, lo)
    if args.print_sql:
        print(sql, file=sys.stderr)
    text = request(args, sql, external=external)
    elapsed = time.time() - start
    counts = [0] * (n + 1)
    levels = {}
    for line in text.splitlines():
        customer, level = line.rsplit("\t", 1)
        counts[int(level)] += 1
        if int(level):
            levels[customer] = int(level)
    reach = [sum(counts[k:]) for k in range(1, n + 1)]
    out = {"engine": "clickhouse-18.16-http", "reach": reach, "seconds": round(elapsed, 3)}
    if args.levels:
        out["levels"] = dict(sorted(levels.items()))
    print(json.dumps(out))


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("command", choices=["load", "query"])
    p.add_argument("events", nargs="?")
    p.add_argument("--table", default="events")
    p.add_argument("--url", default="http://127.0.0.1:18123")
    p.add_argument("--user", default="default")
    p.add_argument("--password", default="journey-test")
    p.add_argument("--timeout", type=float, default=300)
    p.add_argument("--stages")
    p.add_argument("--window", type=int, default=14 * 86400)
    p.add_argument("--levels", action="store_true")
    p.add_argument("--print-sql", action="store_true")
    args = p.parse_args()
    load(args) if args.command == "load" else query(args)


if __name__ == "__main__":
    main()
