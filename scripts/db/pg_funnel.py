#!/usr/bin/env python3
"""Groundwork probe: windowFunnel's ordered mode in standard SQL (window functions), on
PostgreSQL 15 through psql. Standard library only.

    pg_funnel.py sql   --stages-count N              # print the parameterised query
    pg_funnel.py load  EVENTS.csv [--table T]        # \\copy the CSV into T
    pg_funnel.py query --stages JSON [--window SECONDS] [--table T] [--levels]

The query's parameters: $1 the window in milliseconds (bigint), $2..$(N+1) each stage's event
names (text[]). Nothing from the user is spliced into the SQL but the table and column names,
quoted as identifiers. How it works: see docs/databases-groundwork.md, section 3.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def funnel_sql(n: int, table: str = "events", customer: str = "customer_id", ts: str = "timestamp",
               event: str = "event", variant: str = "fast", mode: str = "ordered") -> str:
    """Each customer's level, ordered mode. One column s carries, for a row of stage k, the
    latest start (its stage-1 time) of a chain of stages 1..k ending at that row within the
    window, or NULL. Step k fills it for the stage-k rows from the running maximum over the
    stage-(k-1) rows before them in (time, stage) order: what windowFunnel's events_timestamp
    array holds when it reads that row. One sort: every step has the same window.

    variant "epoch": time as bigint milliseconds, $1 bigint (ms).
    variant "fast": time kept as timestamptz truncated to the millisecond, $1 interval;
    customers compared bytewise (COLLATE "C"): only equality matters for grouping.

    mode "strict" (windowFunnel's 'strict_order', docs/funnels.md#strict): a stage-k row (k >= 2)
    after the customer's first stage-1 row stops the scan when no stage-(k-1) row before it
    carries a chain (count of non-NULL s is 0); the level is the best among rows before the
    first stop, in the same (time, stage) order."""
    c, t, e = quote_ident(customer), quote_ident(ts), quote_ident(event)
    stage = "CASE " + " ".join(f"WHEN {e} = ANY(${k + 1}::text[]) THEN {k}" for k in range(1, n + 1)) + " END"
    names = " || ".join(f"${k + 1}::text[]" for k in range(1, n + 1))
    if variant == "epoch":
        tsx, cx = f"floor(extract(epoch FROM {t}) * 1000)::bigint", c
    else:
        tsx, cx = f"date_trunc('milliseconds', {t})", f'{c} COLLATE "C"'
    w = "(PARTITION BY customer ORDER BY ts, stage ROWS UNBOUNDED PRECEDING)"
    strict_s1 = (f",\n         bool_or(stage = 1) OVER {w} AS started, false AS stop" if mode == "strict" else "")
    parts = [f"""WITH e AS (
  SELECT {cx} AS customer, {tsx} AS ts, ({stage})::int AS stage
  FROM {quote_ident(table)}
  WHERE {e} = ANY({names})
),
s1 AS (
  SELECT customer, ts, stage, CASE WHEN stage = 1 THEN ts END AS s{strict_s1} FROM e
)"""]
    strict = mode == "strict"
    for k in range(2, n + 1):
        stop_col = (f", started,\n         stop OR (stage = {k} AND started AND c = 0) AS stop" if strict else "")
        count_col = f", count(s) FILTER (WHERE stage = {k - 1}) OVER {w} AS c" if strict else ""
        parts.append(f"""s{k} AS (
  SELECT customer, ts, stage,
         CASE WHEN stage <> {k} THEN s
              WHEN ts <= m + $1 THEN m END AS s{stop_col}
  FROM (SELECT *, max(s) FILTER (WHERE stage = {k - 1}) OVER {w} AS m{count_col} FROM s{k - 1}) x
)""")
    if strict:
        return (",\n".join(parts) +
                f"\nSELECT customer, coalesce(max(stage) FILTER (WHERE s IS NOT NULL AND NOT after_stop), 0) AS level\n"
                f"FROM (SELECT *, bool_or(stop) OVER {w} AS after_stop FROM s{n}) y GROUP BY customer")
    return (",\n".join(parts) +
            f"\nSELECT customer, coalesce(max(stage) FILTER (WHERE s IS NOT NULL), 0) AS level\n"
            f"FROM s{n} GROUP BY customer")


def psql(args, sql: str, *extra: str) -> str:
    env = dict(os.environ, PGPASSWORD=args.password)
    cmd = ["psql", "-h", "127.0.0.1", "-p", str(args.port), "-U", args.user, "-d", args.db,
           "-X", "-qAt", "-v", "ON_ERROR_STOP=1", "-F", "\t", *extra]
    out = subprocess.run(cmd, input=sql, env=env, capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(out.stderr)
    return out.stdout


def literal_array(names: list[str]) -> str:
    # only for psql's EXECUTE in this probe: a Swift client binds text[] parameters instead
    return "ARRAY[" + ",".join("'" + n.replace("'", "''") + "'" for n in names) + "]::text[]"


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("command", choices=["sql", "load", "query", "explain"])
    p.add_argument("events", nargs="?")
    p.add_argument("--table", default="events")
    p.add_argument("--port", type=int, default=15432)
    p.add_argument("--user", default="journey")
    p.add_argument("--db", default="journey")
    p.add_argument("--password", default="journey-test")
    p.add_argument("--stages")
    p.add_argument("--stages-count", type=int)
    p.add_argument("--window", type=int, default=14 * 86400)
    p.add_argument("--levels", action="store_true")
    p.add_argument("--variant", choices=["fast", "epoch"], default="fast")
    p.add_argument("--mode", choices=["ordered", "strict"], default="ordered")
    args = p.parse_args()
    if args.command == "sql":
        print(funnel_sql(args.stages_count, args.table, variant=args.variant, mode=args.mode))
        return
    t = quote_ident(args.table)
    if args.command == "load":
        start = time.time()
        with open(args.events, encoding="utf-8") as f:
            header = f.readline().rstrip("\r\n").split(",")
        types = {"timestamp": "timestamptz NOT NULL", "customer_id": "text NOT NULL", "event": "text NOT NULL"}
        columns = ", ".join(f"{quote_ident(h)} {types.get(h, 'text')}" for h in header)
        psql(args, f"DROP TABLE IF EXISTS {t}; CREATE TABLE {t} ({columns});")
        psql(args, "", "-c", f"\\copy {t} FROM '{args.events}' WITH (FORMAT csv, HEADER true)")
        psql(args, f"ANALYZE {t};")
        print(json.dumps({"seconds": round(time.time() - start, 3)}))
        return
    stages = json.loads(args.stages)
    n = len(stages)
    sql = funnel_sql(n, args.table, variant=args.variant, mode=args.mode)
    types = ", ".join(["bigint" if args.variant == "epoch" else "interval"] + ["text[]"] * n)
    window = f"{args.window * 1000}" if args.variant == "epoch" else f"interval '{args.window} seconds'"
    execute = f"EXECUTE funnel({window}, " + ", ".join(literal_array(s) for s in stages) + ")"
    prefix = "EXPLAIN (ANALYZE, BUFFERS) " if args.command == "explain" else ""
    script = (f"SET work_mem = '256MB';\nPREPARE funnel({types}) AS\n{sql};\n"
              f"\\timing on\n{prefix}{execute};\n")
    start = time.time()
    text = psql(args, script)
    elapsed = time.time() - start
    if args.command == "explain":
        print(text)
        return
    counts = [0] * (n + 1)
    levels = {}
    server_ms = None
    for line in text.splitlines():
        if line.startswith("Time: "):
            server_ms = float(line.split()[1])
            continue
        customer, level = line.rsplit("\t", 1)
        counts[int(level)] += 1
        if int(level):
            levels[customer] = int(level)
    out = {"engine": "postgresql-window-functions", "reach": [sum(counts[k:]) for k in range(1, n + 1)],
           "seconds": round(elapsed, 3), "query_ms": server_ms}
    if args.levels:
        out["levels"] = dict(sorted(levels.items()))
    print(json.dumps(out))


if __name__ == "__main__":
    main()
