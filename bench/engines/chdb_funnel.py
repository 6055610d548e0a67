#!/usr/bin/env python3
"""Funnel reach per stage with ClickHouse's windowFunnel, in process through chdb (from PyPI).

See common.py for the command line. The query:
  - reads the CSV with the file() table function (all columns as String) and keeps
    the rows whose event belongs to a stage (windowFunnel ignores the others anyway;
    filtering first drops customers that only have noise, who would get level 0);
  - parses the ISO 8601 timestamp to DateTime('UTC') (seconds, so the window
    parameter is in seconds);
  - groups by customer and takes windowFunnel(window)(ts, event IN (stage 1 events),
    event IN (stage 2 events), ...), ClickHouse's own implementation of the funnel level
    in its default mode (ties in the same second are ordered by stage; the window is
    inclusive: last event <= first event + window);
  - counts customers per level; R_k = customers with level >= k.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import csv_columns, emit, parse_args, reach_from_level_counts, sql_string  # noqa: E402


def per_customer_sql(path: str, stages: list[list[str]], window: int) -> str:
    conds = ", ".join(f"event IN ({', '.join(sql_string(e) for e in names)})" for names in stages)
    all_events = ", ".join(sql_string(e) for names in stages for e in names)
    columns = ", ".join(f"{name} String" for name in csv_columns(path))
    return f"""
SELECT customer_id, windowFunnel({window})(ts, {conds}) AS level
FROM (
    SELECT customer_id, event,
           parseDateTime("timestamp", '%Y-%m-%dT%H:%i:%sZ', 'UTC') AS ts
    FROM file({sql_string(path)}, 'CSVWithNames',
              {sql_string(columns)})
    WHERE event IN ({all_events})
)
GROUP BY customer_id"""


def main() -> int:
    args = parse_args("chdb")
    import chdb
    if args.noop:
        emit({"engine": "chdb", "version": chdb.__version__})
        return 0
    path = os.path.abspath(args.events)
    inner = per_customer_sql(path, args.stages, args.window)
    sql = f"SELECT level, count() AS customers FROM ({inner}) GROUP BY level ORDER BY level"
    out = chdb.query(sql, "TabSeparated").bytes().decode()
    counts = {}
    for line in out.splitlines():
        level, n = line.split("\t")
        counts[int(level)] = int(n)
    result = {"engine": "chdb", "version": chdb.__version__,
              "reach": reach_from_level_counts(counts, len(args.stages))}
    if args.levels:
        rows = chdb.query(f"SELECT * FROM ({inner}) WHERE level >= 1 ORDER BY customer_id",
                          "TabSeparated").bytes().decode()
        result["levels"] = {c: int(level) for c, level in (line.split("\t") for line in rows.splitlines())}
    emit(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
