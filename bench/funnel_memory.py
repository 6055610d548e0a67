#!/usr/bin/env python3
"""Show that `journey funnel`'s memory grows with the customers of a log, not with its rows.

Usage (from anywhere; paths are resolved from this file):
    python3 bench/funnel_memory.py [--repeats 1,2,5,10,20] [--runs 3] [--binary PATH] [--json]

Two series, each run with `--event-memory 64M` (events past it are spilled to a temporary
file; the commands' default, `auto`, spills only when the machine is short of memory) and with `--event-memory 1024G` (every event kept in memory, as before spilling
existed), so that the difference shows:

  1. Same customers, more rows. The generator's 1 M-row log (bench/generate_events.py, seed 1,
     cached in bench/out/ like funnel_benchmark.py's) is repeated k times after one header:
     k M rows, the same customers, every event k times. Duplicates change no chain, so the
     reach must be the same for every k (the script checks it): only the rows grow.
  2. More customers. The generator's 1 M- and 10 M-row logs, whose customers grow with the
     rows (about 190 K and 1.9 M customers with a funnel event).

For each log and setting: one warm-up run, then --runs measured runs, each a fresh child process
reaped with os.wait4 (wall time, peak RSS), as in check_benchmark.py. Progress goes to stderr;
the report (or JSON with --json) to stdout. The repeated logs are written to bench/out/ and
deleted at the end.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from check_benchmark import (  # noqa: E402
    MIB, BenchmarkError, build_release, check_binary, log, repeated_log, run_once,
)
from funnel_benchmark import (  # noqa: E402
    JOURNEY_FILE, OUT_DIR, SEED, event_log, journey_argv, parse_journey_reach, read_stages, require_success,
)

SETTINGS = (("spilling past 64M", ["--event-memory", "64M"]), ("all in memory", ["--event-memory", "1024G"]))


def repeated_of(source: Path, times: int) -> Path:
    """`source`'s header, then its rows `times` times, in bench/out/."""
    return repeated_log(source, times, OUT_DIR / f"{source.stem}-x{times}.csv")


def measure(binary: Path, events: Path, extra: list[str], runs: int, stage_names: list[str],
            scratch: Path, label: str) -> dict:
    argv = journey_argv(binary, events) + extra
    warm = run_once(argv, scratch)
    require_success(warm, label)
    walls, peaks = [], []
    for i in range(runs):
        run = run_once(argv, scratch)
        require_success(run, label)
        walls.append(run.wall_s)
        peaks.append(run.maxrss_bytes / MIB)
        log(f"{label}: run {i + 1}/{runs}: {run.wall_s:.2f} s, peak RSS {peaks[-1]:.1f} MiB")
    summary = json.loads(warm.stdout)["events"]
    return {"reach": parse_journey_reach(warm.stdout, stage_names), "rows": summary["rows"],
            "funnel_events": summary["funnelEvents"], "customers": summary["customers"],
            "wall_s_median": round(statistics.median(walls), 3), "peak_rss_mib": round(max(peaks), 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="journey funnel's memory against rows and customers.")
    parser.add_argument("--repeats", default="1,2,5,10,20", metavar="K,K",
                        help="how many times the 1M-row log is repeated (default: 1,2,5,10,20)")
    parser.add_argument("--runs", type=int, default=3, metavar="N", help="measured runs per log (default: 3)")
    parser.add_argument("--binary", metavar="PATH", help="the journey binary; no build")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args(argv)
    try:
        repeats = [int(k) for k in args.repeats.split(",")]
        binary = check_binary(Path(args.binary)) if args.binary else check_binary(build_release())
        stage_names = [name for name, _ in read_stages(JOURNEY_FILE)]
        scratch = OUT_DIR / "scratch"
        scratch.mkdir(parents=True, exist_ok=True)
        base, _ = event_log(1_000_000, SEED)
        large, _ = event_log(10_000_000, SEED)
        result: dict = {"same_customers": [], "more_customers": []}
        for times in repeats:
            path = base if times == 1 else repeated_of(base, times)
            try:
                entry = {"repeats": times, "settings": {}}
                for name, extra in SETTINGS:
                    entry["settings"][name] = measure(binary, path, extra, args.runs, stage_names, scratch,
                                                      f"1M x{times}, {name}")
                result["same_customers"].append(entry)
            finally:
                if path != base:
                    path.unlink()
        reaches = {tuple(s["reach"]) for e in result["same_customers"] for s in e["settings"].values()}
        if len(reaches) != 1:
            raise BenchmarkError(f"repeating the log changed the reach: {sorted(reaches)}")
        for path in (base, large):
            entry = {"file": path.name, "settings": {}}
            for name, extra in SETTINGS:
                entry["settings"][name] = measure(binary, path, extra, args.runs, stage_names, scratch,
                                                  f"{path.name}, {name}")
            result["more_customers"].append(entry)
    except BenchmarkError as error:
        print(f"funnel_memory: {error}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print("Same customers, more rows (the 1M-row log repeated k times): median wall time, peak RSS")
    print(f"{'k':>3} {'rows':>12} {'funnel events':>14} {'customers':>10}   "
          + "   ".join(f"{name:>30}" for name, _ in SETTINGS))
    for entry in result["same_customers"]:
        first = next(iter(entry["settings"].values()))
        cells = [f"{s['wall_s_median']:>8.2f} s {s['peak_rss_mib']:>8.1f} MiB".rjust(30)
                 for s in entry["settings"].values()]
        print(f"{entry['repeats']:>3} {first['rows']:>12,} {first['funnel_events']:>14,} {first['customers']:>10,}   "
              + "   ".join(cells))
    print()
    print("More customers (the generator's logs): median wall time, peak RSS")
    for entry in result["more_customers"]:
        first = next(iter(entry["settings"].values()))
        cells = [f"{s['wall_s_median']:>8.2f} s {s['peak_rss_mib']:>8.1f} MiB".rjust(30)
                 for s in entry["settings"].values()]
        print(f"    {first['rows']:>12,} {first['funnel_events']:>14,} {first['customers']:>10,}   " + "   ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
