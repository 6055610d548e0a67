#!/usr/bin/env python3
"""Funnel reach per stage in plain Python: the reference for small files.

Standard library only, written for clarity, not speed (about 1 s per 100k rows).
The benchmark uses it to check DuckDB, chdb and `journey funnel` on small files
before it trusts any of them on big ones. See common.py for the command line.

For every customer: sort the stage events by (time, stage); for every stage-1
event as a start, walk the stages greedily, each time taking the earliest event
of the next stage at or after the previous one. Taking the earliest is never
worse: it leaves the most events for the stages after it, and the window only
bounds the last event against the start. The customer's level is the best over
all starts of the number of stages reached no later than start + window.
"""

from __future__ import annotations

import bisect
import calendar
import csv
import os
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import emit, parse_args, reach_from_level_counts  # noqa: E402


def parse_time(text: str) -> int:
    """ISO 8601 UTC with second precision: 2026-01-31T23:59:59Z -> Unix seconds."""
    if len(text) != 20 or text[10] != "T" or text[19] != "Z":
        raise ValueError(f"unexpected timestamp {text!r}")
    return calendar.timegm((int(text[0:4]), int(text[5:7]), int(text[8:10]),
                            int(text[11:13]), int(text[14:16]), int(text[17:19]), 0, 0, 0))


def level_of(events: list[tuple[int, int]], n_stages: int, window: int) -> int:
    """events: (time, stage index from 0). The furthest stage count reached by any attempt."""
    times = [[] for _ in range(n_stages)]
    for t, s in sorted(events):
        times[s].append(t)
    best = 0
    for start in times[0]:
        level, prev = 1, start
        for s in range(1, n_stages):
            i = bisect.bisect_left(times[s], prev)  # earliest at or after prev (ties count)
            if i == len(times[s]) or times[s][i] > start + window:
                break
            prev = times[s][i]
            level += 1
        best = max(best, level)
        if best == n_stages:
            break
    return best


def main() -> int:
    args = parse_args("plain Python")
    if args.noop:
        emit({"engine": "reference", "version": sys.version.split()[0]})
        return 0
    stage_of = {name: i for i, names in enumerate(args.stages) for name in names}
    per_customer: dict[str, list[tuple[int, int]]] = defaultdict(list)
    with open(args.events, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        ci, ti, ei = header.index("customer_id"), header.index("timestamp"), header.index("event")
        for row in reader:
            s = stage_of.get(row[ei])
            if s is not None:
                per_customer[row[ci]].append((parse_time(row[ti]), s))
    n = len(args.stages)
    counts: dict[int, int] = defaultdict(int)
    levels: dict[str, int] = {}
    for customer, events in per_customer.items():
        level = level_of(events, n, args.window)
        counts[level] += 1
        if level:
            levels[customer] = level
    result = {"engine": "reference", "version": sys.version.split()[0],
              "reach": reach_from_level_counts(counts, n)}
    if args.levels:
        result["levels"] = dict(sorted(levels.items()))
    emit(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
