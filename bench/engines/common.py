"""Shared command line of the funnel engine runners in bench/engines/.

Every runner is started as its own process by bench/funnel_benchmark.py, so that
its wall time and peak RSS are measured like those of `journey funnel`:

    PYTHON bench/engines/NAME_funnel.py EVENTS.csv --stages JSON [--window SECONDS]
                                        [--levels] [--noop]

`--stages` is a JSON list, one item per funnel stage in order, each a list of the
event names that mark the stage: `[["ad_click","landing_view"],["product_view"]]`.
The runner prints one JSON object on stdout:

    {"engine": "duckdb", "version": "2.0.0", "reach": [R1, R2, ...]}

where R_k is the number of customers whose funnel level is at least k. With
`--levels` it adds "levels": {customer_id: level} for every customer of level
>= 1 (for small diagnostic files only). With `--noop` it only imports its
engine and prints {"engine": ..., "version": ...}: the benchmark uses that to
show how much of the peak RSS is the interpreter and the library alone.

The semantics (ClickHouse's windowFunnel in its default mode): a customer's
events are ordered by time; a customer reaches level k when events of stages
1..k happen in that order, each at or after the previous one (the same second
counts), the last no later than the stage-1 event that starts the chain plus
the window (inclusive). Every stage-1 event starts a new attempt; the level is
the best over all attempts.
"""

from __future__ import annotations

import argparse
import json
import sys

DEFAULT_WINDOW_S = 14 * 86400


def parse_args(engine: str, argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=f"Funnel reach per stage with {engine}.")
    parser.add_argument("events", help="the event log, CSV with header customer_id,timestamp,event,...")
    parser.add_argument("--stages", required=True,
                        help='JSON list of stages, each a list of event names: [["a","b"],["c"]]')
    parser.add_argument("--window", type=int, default=DEFAULT_WINDOW_S, metavar="SECONDS",
                        help=f"conversion window in seconds (default: {DEFAULT_WINDOW_S}, 14 days)")
    parser.add_argument("--levels", action="store_true", help="also print every customer's level")
    parser.add_argument("--noop", action="store_true", help="only import the engine, then exit")
    args = parser.parse_args(argv)
    stages = json.loads(args.stages)
    if (not isinstance(stages, list) or not stages
            or not all(isinstance(s, list) and s and all(isinstance(e, str) for e in s) for s in stages)):
        parser.error("--stages must be a non-empty JSON list of non-empty lists of event names")
    if len(stages) > 32:
        parser.error("at most 32 stages (windowFunnel's limit)")
    seen: set[str] = set()
    for names in stages:
        for name in names:
            if name in seen:
                parser.error(f"event {name!r} is listed in two stages")
            seen.add(name)
    args.stages = stages
    return args


def sql_string(text: str) -> str:
    """A single-quoted SQL string literal (both engines double a quote; we also refuse backslashes)."""
    if "\\" in text or "\n" in text:
        raise SystemExit(f"unsupported character in {text!r}")
    return "'" + text.replace("'", "''") + "'"


def csv_columns(path: str) -> list[str]:
    """The column names of the CSV log's header row (bare names, as both generators write them):
    the engines read every column as text, so that a log with or without extra columns (the own
    generator's `device`) is read the same way."""
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\r\n")
    names = header.split(",")
    if not all(name and name.replace("_", "").isalnum() for name in names):
        raise SystemExit(f"{path}: unsupported header {header!r}")
    return names


def reach_from_level_counts(counts: dict[int, int], n_stages: int) -> list[int]:
    """counts: level -> customers. Returns R_1..R_n, R_k = customers with level >= k."""
    reach = []
    for k in range(1, n_stages + 1):
        reach.append(sum(v for level, v in counts.items() if level >= k))
    return reach


def emit(result: dict) -> None:
    json.dump(result, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")
    sys.stdout.flush()
