#!/usr/bin/env python3
"""Funnel reach per stage with DuckDB (from PyPI). See common.py for the command line.

How the SQL implements the semantics:
  1. `ev`: read the CSV (all columns as text), keep the rows whose event belongs to a
     stage, map the event to its stage number and the ISO 8601 timestamp to Unix
     seconds.
  2. `s1`..`sN`: the (customer, time) of each stage's events.
  3. A chain of ASOF LEFT JOINs: from every stage-1 event (a start, `t1`), the
     earliest stage-2 event of the same customer at or after `t1` (`t2`), then the
     earliest stage-3 event at or after `t2`, and so on. Taking the earliest event
     is never worse (it leaves the most room for the later stages), so this greedy
     walk finds the furthest stage each start can reach; `>=` lets the same second
     count, as windowFunnel does.
  4. A start's level is 1 plus the number of later stages found no later than
     t1 + window (the times only grow along the chain, so these are always the
     first stages); a customer's level is the best over their starts.
  5. R_k = customers whose level >= k.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import csv_columns, emit, parse_args, reach_from_level_counts, sql_string  # noqa: E402


def build_sql(path: str, stages: list[list[str]], window: int) -> str:
    n = len(stages)
    cases = "\n                WHEN ".join(
        f"event IN ({', '.join(sql_string(e) for e in names)}) THEN {k}" for k, names in enumerate(stages, start=1))
    all_events = ", ".join(sql_string(e) for names in stages for e in names)
    columns = ", ".join(f"{sql_string(name)}: 'VARCHAR'" for name in csv_columns(path))
    sql = [f"""WITH ev AS (
    SELECT customer_id AS c,
           epoch(strptime("timestamp", '%Y-%m-%dT%H:%M:%SZ'))::BIGINT AS t,
           CASE WHEN {cases} END AS s
    FROM read_csv({sql_string(path)}, header = true, auto_detect = false,
                  columns = {{{columns}}})
    WHERE event IN ({all_events})
)"""]
    # Duplicate (customer, time) pairs change nothing below, so no DISTINCT (it costs a hash table).
    sql += [f",\ns{k} AS (SELECT c, t FROM ev WHERE s = {k})" for k in range(1, n + 1)]
    sql.append(",\nch1 AS (SELECT c, t AS t1 FROM s1)")
    for k in range(2, n + 1):
        previous = ", ".join(f"ch.t{j}" for j in range(1, k))
        sql.append(f""",
ch{k} AS (
    SELECT ch.c, {previous}, s{k}.t AS t{k}
    FROM ch{k - 1} ch ASOF LEFT JOIN s{k} ON ch.c = s{k}.c AND s{k}.t >= ch.t{k - 1}
)""")
    level = " + ".join(["1"] + [f"coalesce(t{k} <= t1 + {window}, false)::INTEGER" for k in range(2, n + 1)])
    sql.append(f""",
per_customer AS (SELECT c, max({level}) AS level FROM ch{n} GROUP BY c)
SELECT level, count(*) AS customers FROM per_customer GROUP BY level ORDER BY level""")
    return "".join(sql)


def main() -> int:
    args = parse_args("DuckDB")
    import duckdb
    if args.noop:
        emit({"engine": "duckdb", "version": duckdb.__version__})
        return 0
    con = duckdb.connect()
    # Row order of the intermediate results does not matter: lets DuckDB stream and use less memory.
    con.execute("SET preserve_insertion_order = false")
    # With explicit CSV columns DuckDB estimates a handful of rows, and below 64 estimated rows
    # it plans an ASOF join as a nested loop join: 100 s instead of 1 s at 1M events. Never do that.
    con.execute("SET asof_loop_join_threshold = 0")
    sql = build_sql(os.path.abspath(args.events), args.stages, args.window)
    counts = {int(level): int(n) for level, n in con.execute(sql).fetchall()}
    result = {"engine": "duckdb", "version": duckdb.__version__,
              "reach": reach_from_level_counts(counts, len(args.stages))}
    if args.levels:
        rows = con.execute(sql.rsplit("SELECT level, count(*)", 1)[0]
                           + "SELECT c, level FROM per_customer ORDER BY c").fetchall()
        result["levels"] = {c: int(level) for c, level in rows if level >= 1}
    emit(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
