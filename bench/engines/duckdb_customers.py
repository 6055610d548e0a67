#!/usr/bin/env python3
"""The categories of `journey customers`, computed by DuckDB (from PyPI) in one SQL query.

    PYTHON bench/engines/duckdb_customers.py PURCHASES.csv [--as-of YYYY-MM-DD]
                                             [--backtest YYYY-MM-DD] [--lost-after K] [--fan N] [--noop]

Prints one JSON object with the keys of `journey customers --format json` that it computes:

    {"engine": "duckdb", "version": "2.0.0", "asOf": "2025-06-30", "populationGapDays": 20.0,
     "customers": 1000000, "categories": {"potential": 0, ..., "client": 49933},
     "backtest": [{"customers": "all buyers", "flagged": ..., "stopped": ..., "truePositives": ...}, ...]}

(`backtest` only with --backtest.) With --noop it only imports DuckDB and prints the engine and
its version. The rules are those of docs/customers.md, written independently of journey's code:

  1. `purchases`: the CSV (every column as text; `customer_id` and `timestamp` are used), each
     timestamp parsed as TIMESTAMPTZ in UTC (an ISO 8601 date and time, or a date alone) and
     turned into its UTC day. Epoch numbers are not handled: the benchmark's logs never use them.
  2. `days`: the distinct (customer, day) pairs: two orders on one day are one purchase day.
  3. The as-of date: --as-of, else the last purchase day of the log; days after it are ignored.
  4. Per customer with a purchase day by then: the count, the last day, and the median of the
     gaps between consecutive days (lag() over the customer's days; DuckDB's median is the
     mean of the two middle values for an even count, as journey's).
  5. The population's gap: the median of the own gaps of the customers with two or more days.
  6. Lost: idle days > K x max(own gap or the population's gap or 1, the population's gap or 0).
  7. Category: potential (no purchase by the as-of date), lost, one-time buyer (one day), fan
     (N days or more), client. Nobody in a purchase log is contacted or referred, so referral and
     prospect are 0.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import emit, sql_string  # noqa: E402

CATEGORIES = ("potential", "referral", "prospect", "lost", "one-time buyer", "fan", "client")


def build_sql(path: str, columns: list[str], as_of: str | None, backtest: str | None, lost_after: float,
              fan: int) -> str:
    typed = ", ".join(f"{sql_string(name)}: 'VARCHAR'" for name in columns)
    read = f"read_csv({sql_string(path)}, header = true, auto_detect = false, columns = {{{typed}}})"
    as_of_sql = f"DATE {sql_string(as_of)}" if as_of else "(SELECT max(d) FROM days)"
    end_sql = f"DATE {sql_string(backtest)}" if backtest else "NULL::DATE"
    return f"""
WITH purchases AS (
    SELECT customer_id AS c, CAST(CAST("timestamp" AS TIMESTAMPTZ) AS DATE) AS d FROM {read}
),
days AS (SELECT DISTINCT c, d FROM purchases),
as_of_day AS (SELECT {as_of_sql} AS a, {end_sql} AS e),
gaps AS (
    SELECT c, d, CAST(d - lag(d) OVER (PARTITION BY c ORDER BY d) AS DOUBLE) AS gap
    FROM days, as_of_day WHERE d <= a
),
per AS (SELECT c, count(*) AS n, max(d) AS last, median(gap) AS own FROM gaps GROUP BY c),
pop AS (SELECT median(own) AS pg FROM per WHERE n >= 2),
later AS (SELECT DISTINCT c FROM days, as_of_day WHERE d > a AND d <= e),
customers AS (SELECT DISTINCT c FROM days),
classified AS (
    SELECT coalesce(per.n, 0) AS n,
           (a - per.last) > {lost_after!r} * greatest(coalesce(per.own, pop.pg, 1), coalesce(pop.pg, 0)) AS lost,
           later.c IS NOT NULL AS bought_later
    FROM customers LEFT JOIN per USING (c) LEFT JOIN later USING (c), pop, as_of_day
),
categorized AS (
    SELECT CASE WHEN n = 0 THEN 'potential' WHEN lost THEN 'lost' WHEN n = 1 THEN 'one-time buyer'
                WHEN n >= {fan} THEN 'fan' ELSE 'client' END AS category,
           n, lost, bought_later
    FROM classified
)
SELECT category, count(*) AS customers,
       count(*) FILTER (WHERE n >= 1 AND lost) AS flagged,
       count(*) FILTER (WHERE n >= 1 AND lost AND NOT bought_later) AS true_positives,
       count(*) FILTER (WHERE n >= 1 AND NOT bought_later) AS stopped,
       count(*) FILTER (WHERE n >= 2 AND lost) AS repeat_flagged,
       count(*) FILTER (WHERE n >= 2 AND lost AND NOT bought_later) AS repeat_true_positives,
       count(*) FILTER (WHERE n >= 2 AND NOT bought_later) AS repeat_stopped,
       (SELECT pg FROM pop) AS population_gap, (SELECT strftime(a, '%Y-%m-%d') FROM as_of_day) AS as_of
FROM categorized GROUP BY category"""


def main() -> int:
    parser = argparse.ArgumentParser(description="journey customers' categories with DuckDB.")
    parser.add_argument("purchases", help="the purchase log, CSV with customer_id and timestamp columns")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="the day to classify at (default: the last purchase day)")
    parser.add_argument("--backtest", metavar="YYYY-MM-DD", help="also count who bought again up to this day")
    parser.add_argument("--lost-after", type=float, default=2.0, metavar="K", help="the lost rule's K (default: 2)")
    parser.add_argument("--fan", type=int, default=5, metavar="N", help="purchase days that make a fan (default: 5)")
    parser.add_argument("--noop", action="store_true", help="only import the engine, then exit")
    args = parser.parse_args()
    import duckdb
    if args.noop:
        emit({"engine": "duckdb", "version": duckdb.__version__})
        return 0
    with open(args.purchases, encoding="utf-8") as f:
        columns = [name.strip().strip('"') for name in f.readline().rstrip("\r\n").split(",")]
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    # Row order of the intermediate results does not matter: lets DuckDB stream and use less memory.
    con.execute("SET preserve_insertion_order = false")
    sql = build_sql(os.path.abspath(args.purchases), columns, args.as_of, args.backtest, args.lost_after, args.fan)
    rows = con.execute(sql).fetchall()
    counts = dict.fromkeys(CATEGORIES, 0)
    totals = [0] * 6
    population_gap = as_of = None
    for category, customers, *backtest, gap, day in rows:
        counts[category] = int(customers)
        totals = [t + int(b) for t, b in zip(totals, backtest)]
        population_gap, as_of = gap, day
    result = {"engine": "duckdb", "version": duckdb.__version__, "asOf": as_of,
              "populationGapDays": population_gap, "customers": sum(counts.values()), "categories": counts}
    if args.backtest:
        result["backtest"] = [
            {"customers": "all buyers", "flagged": totals[0], "stopped": totals[2], "truePositives": totals[1]},
            {"customers": "repeat buyers", "flagged": totals[3], "stopped": totals[5], "truePositives": totals[4]},
        ]
    emit(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
