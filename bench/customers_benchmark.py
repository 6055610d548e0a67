#!/usr/bin/env python3
"""Benchmark `journey customers` on generated purchase logs and on CDNOW, against DuckDB.

Usage (from anywhere; paths are resolved from this file):
    python3 bench/customers_benchmark.py [--rows 10000000] [--customers 1000000] [--seeds 1,2]
                                         [--runs 3] [--binary PATH] [--python PATH] [--keep]
                                         [--no-peer] [--no-scaling] [--no-cdnow]
                                         [--wait-idle SECONDS] [--json]

The goal (issue): a log of 10 M purchases by 1 M customers is read and classified in under 2 s
on the project's 2-core machine, with memory that grows with the customers, not the rows.

Steps:
  1. The binary: `swift build -c release --product journey`, unless --binary is given.
  2. The peer: DuckDB from PyPI, in bench/.venv as for bench/funnel_benchmark.py (or --python),
     running bench/engines/duckdb_customers.py: the same categories in one SQL query.
  3. Logs: bench/generate_purchases.py writes each log (a child process) into a temporary
     folder, deleted at the end; with --keep into bench/out/, named after its arguments and a
     hash of the generator, and reused while the generator is unchanged.
  4. For each seed: `journey customers LOG --format json` and the peer, each one warm-up run then
     --runs measured runs (a fresh child process each, timed from spawn to reap, peak RSS from
     its rusage: check_benchmark.run_once), with the load average before and after. Every run of
     both must give the same as-of date, population gap and category counts, or the benchmark
     fails and prints them side by side.
  5. Memory against rows and customers (journey only): a log of rows/10 purchases by
     customers/10; the same log repeated 10 and 20 times after one header (10 and 20 times the
     rows, the same customers, every purchase day the same, so the same categories: checked);
     and the seed-1 log (10 times the customers of the 10-times log, the same rows).
  6. CDNOW: `bash scripts/fetch-cdnow.sh`, the log turned into a CSV of dates alone, then
     `journey customers --as-of 1997-09-30 --backtest 1998-06-30` timed as a whole process and
     checked against the published figures (docs/customers.md), with the peer beside it.

Progress goes to stderr; the report (or JSON with --json) to stdout. Exit status 1 when a step
fails or the figures disagree.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from check_benchmark import (  # noqa: E402
    MIB, BenchmarkError, Run, build_release, cached_generated_log, check_binary, log, repeated_log, run_once,
)
from funnel_benchmark import (  # noqa: E402
    children_cpu_seconds, engine_python, machine_cpu_seconds, positive_int, wait_for_idle,
)

REPO_ROOT = BENCH_DIR.parent
OUT_DIR = BENCH_DIR / "out"
GENERATOR = BENCH_DIR / "generate_purchases.py"
PEER = BENCH_DIR / "engines" / "duckdb_customers.py"
CDNOW_LOG = REPO_ROOT / ".data" / "cdnow" / "CDNOW_master.txt"
CDNOW_ARGS = ["--as-of", "1997-09-30", "--backtest", "1998-06-30"]
# docs/customers.md: CDNOW as of 1997-09-30, with the backtest to 1998-06-30.
CDNOW_EXPECTED = {"populationGapDays": 43, "lost": 18209, "one-time buyer": 0, "fan": 1498, "client": 3863,
                  "flagged": 18209, "truePositives": 14650}
COMPARED = ("asOf", "populationGapDays", "customers", "categories")


def generator_hash() -> str:
    # CRC-32, not hashlib: OpenSSL would add 5 MiB to this process and so to the RSS floor.
    return f"{zlib.crc32(GENERATOR.read_bytes()):08x}"


def purchase_log(folder: Path, rows: int, customers: int, seed: int) -> tuple[Path, dict]:
    """The log for these arguments in `folder` (generated in a child process unless there) and its summary."""
    csv_path, summary = cached_generated_log(
        folder, f"purchases-{rows}-{customers}-seed{seed}-{generator_hash()}",
        [sys.executable, str(GENERATOR), "--rows", str(rows), "--customers", str(customers), "--seed", str(seed)],
        f"{rows:,} purchases by {customers:,} customers (seed {seed})")
    summary["file_mib"] = round(summary["file_bytes"] / MIB, 1)
    return csv_path, summary


def cdnow_csv(target: Path) -> Path | None:
    """CDNOW as a CSV of dates alone (fetched by scripts/fetch-cdnow.sh), or None when it cannot be had."""
    subprocess.run(["bash", str(REPO_ROOT / "scripts" / "fetch-cdnow.sh")], stdin=subprocess.DEVNULL,
                   stdout=sys.stderr, stderr=sys.stderr)
    if not CDNOW_LOG.exists():
        return None
    with open(CDNOW_LOG, encoding="ascii") as source, open(target, "w", encoding="ascii", newline="\n") as out:
        out.write("customer_id,timestamp,amount\n")
        for line in source:
            fields = line.split()
            if len(fields) == 4 and fields[1].isdigit():  # not the header
                date = fields[1]
                out.write(f"{fields[0]},{date[:4]}-{date[4:6]}-{date[6:]},{fields[3]}\n")
    return target


def loads() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def measure(label: str, argv: list[str], runs: int, scratch: Path, noop_argv: list[str] | None = None,
            wait_idle: float = 0) -> dict:
    """Import-only run (the peer), warm-up, then `runs` measured runs; the first run's JSON output."""
    wait_for_idle(wait_idle, label)
    entry: dict = {"load_before": loads()}
    if noop_argv is not None:
        noop = run_once(noop_argv, scratch)
        require_success(noop, f"{label} (import only)")
        entry["import_wall_s"] = round(noop.wall_s, 3)
        entry["import_rss_mib"] = round(noop.maxrss_bytes / MIB, 1)
    log(f"{label}: warm-up")
    warm = run_once(argv, scratch)
    require_success(warm, label)
    outputs = [json.loads(warm.stdout)]
    measured: list[Run] = []
    machine_before, children_before = machine_cpu_seconds(), children_cpu_seconds()
    for i in range(runs):
        run = run_once(argv, scratch)
        require_success(run, label)
        outputs.append(json.loads(run.stdout))
        log(f"{label}: run {i + 1}/{runs}: {run.wall_s:.2f} s, peak RSS {run.maxrss_bytes / MIB:.1f} MiB")
        measured.append(run)
    machine_after, children_after = machine_cpu_seconds(), children_cpu_seconds()
    others = None
    if machine_before and machine_after and machine_after[1] > machine_before[1]:
        busy = machine_after[0] - machine_before[0] - (children_after - children_before)
        others = round(max(0.0, busy) / (machine_after[1] - machine_before[1]), 3)
    if any(comparable(o) != comparable(outputs[0]) for o in outputs):
        raise BenchmarkError(f"{label} gave different figures from run to run: {[comparable(o) for o in outputs]}")
    walls = [r.wall_s for r in measured]
    entry.update({
        "output": outputs[0],
        "wall_s_median": round(statistics.median(walls), 3),
        "wall_s_min": round(min(walls), 3),
        "wall_s_all": [round(w, 3) for w in walls],
        "peak_rss_mib": round(max(r.maxrss_bytes for r in measured) / MIB, 1),
        "other_cpu_share": others,
        "load_after": loads(),
    })
    return entry


def require_success(run: Run, label: str) -> None:
    if run.exit_code == 0:
        return
    how = f"was killed by signal {-run.exit_code}" if run.exit_code < 0 else f"exited with code {run.exit_code}"
    log(f"\nFAILED: {label} {how}.")
    for name, data in (("stderr", run.stderr), ("stdout", run.stdout)):
        text = data.decode("utf-8", errors="replace").rstrip()
        if text:
            log(f"--- {name} (first 40 lines) ---\n" + "\n".join(text.splitlines()[:40]))
    raise BenchmarkError(f"{label} {how}")


def comparable(output: dict) -> dict:
    """What journey and the peer must agree on, with the gap as a number either way (20 or 20.0)."""
    picked = {key: output.get(key) for key in COMPARED}
    if picked["populationGapDays"] is not None:
        picked["populationGapDays"] = float(picked["populationGapDays"])
    return picked


def require_agreement(label: str, journey: dict, peer: dict) -> None:
    a, b = comparable(journey), comparable(peer)
    if a == b:
        return
    lines = [f"journey and DuckDB disagree on {label}:", f"  {'':<20}{'journey':>14}{'DuckDB':>14}"]
    for key in ("asOf", "populationGapDays", "customers"):
        lines.append(f"  {key:<20}{a[key]!s:>14}{b[key]!s:>14}{'' if a[key] == b[key] else '   <-'}")
    for name in (a["categories"] or {}):
        x, y = a["categories"][name], (b["categories"] or {}).get(name)
        lines.append(f"  {name:<20}{x:>14}{y!s:>14}{'' if x == y else '   <-'}")
    raise BenchmarkError("\n".join(lines))


def journey_argv(binary: Path, path: Path, *extra: str) -> list[str]:
    return [str(binary), "customers", *extra, str(path), "--format", "json"]


def peer_argv(python: str, path: Path, *extra: str) -> list[str]:
    return [python, str(PEER), str(path), *extra]


def benchmark(args: argparse.Namespace) -> dict:
    binary = check_binary(Path(args.binary)) if args.binary else check_binary(build_release())
    log(f"binary: {binary}")
    python, versions = (None, {}) if args.no_peer else engine_python(args.python)
    result: dict = {"binary": str(binary), "rows": args.rows, "customers": args.customers, "runs": args.runs,
                    "cpus": os.cpu_count(), "python": sys.version.split()[0],
                    "duckdb": versions.get("duckdb"), "seeds": [], "scaling": [], "cdnow": None}
    OUT_DIR.mkdir(exist_ok=True)
    scratch = OUT_DIR / "scratch"
    scratch.mkdir(parents=True, exist_ok=True)
    floor = run_once([shutil.which("true") or "/bin/true"], scratch)
    result["rss_floor_mib"] = round(floor.maxrss_bytes / MIB, 1)
    folder = OUT_DIR if args.keep else Path(tempfile.mkdtemp(prefix="journey-customers-"))
    try:
        for seed in args.seeds:
            path, summary = purchase_log(folder, args.rows, args.customers, seed)
            entry = {"seed": seed, "file_mib": summary["file_mib"], "summary": summary}
            entry["journey"] = measure(f"journey, seed {seed}", journey_argv(binary, path), args.runs, scratch,
                                       wait_idle=args.wait_idle)
            if python:
                entry["duckdb"] = measure(f"DuckDB, seed {seed}", peer_argv(python, path), args.runs, scratch,
                                          peer_argv(python, path, "--noop"), args.wait_idle)
                require_agreement(f"seed {seed}", entry["journey"]["output"], entry["duckdb"]["output"])
            result["seeds"].append(entry)
        if not args.no_scaling:
            result["scaling"] = scaling(args, binary, folder, scratch)
        if not args.no_cdnow:
            result["cdnow"] = cdnow(args, binary, python, folder, scratch)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return result


def scaling(args: argparse.Namespace, binary: Path, folder: Path, scratch: Path) -> list[dict]:
    """Peak RSS for the same customers with 10 and 20 times the rows, and for 10 times the customers."""
    small, _ = purchase_log(folder, args.rows // 10, args.customers // 10, 1)
    large, _ = purchase_log(folder, args.rows, args.customers, 1)
    logs = [(small, 1, args.customers // 10, "the small log")]
    logs += [(folder / f"{small.stem}-x{k}.csv", k, args.customers // 10, f"the small log, {k} times") for k in (10, 20)]
    logs.append((large, 10, args.customers, "10 times the customers"))
    entries = []
    for path, times, customers, what in logs:
        if path not in (small, large):
            repeated_log(small, times, path)
        try:
            run = measure(f"journey, {what}", journey_argv(binary, path), args.runs, scratch, wait_idle=args.wait_idle)
            entries.append({"log": what, "rows": args.rows // 10 * times, "customers": customers,
                            "file_mib": round(path.stat().st_size / MIB, 1), "journey": run})
        finally:
            if path not in (small, large):
                path.unlink(missing_ok=True)
    for entry in entries[1:3]:
        if comparable(entries[0]["journey"]["output"]) != comparable(entry["journey"]["output"]):
            raise BenchmarkError(f"repeating every purchase changed the categories: "
                                 f"{comparable(entries[0]['journey']['output'])} and "
                                 f"{comparable(entry['journey']['output'])}")
    return entries


def cdnow(args: argparse.Namespace, binary: Path, python: str | None, folder: Path, scratch: Path) -> dict | None:
    path = cdnow_csv(folder / "cdnow.csv")
    if path is None:
        log("CDNOW: not available (scripts/fetch-cdnow.sh could not get it); skipped")
        return None
    entry = {"journey": measure("journey, CDNOW", journey_argv(binary, path, *CDNOW_ARGS), args.runs, scratch,
                                wait_idle=args.wait_idle)}
    output = entry["journey"]["output"]
    found = {"populationGapDays": output["populationGapDays"], **{k: output["categories"][k] for k in
             ("lost", "one-time buyer", "fan", "client")},
             "flagged": output["backtest"]["populations"][0]["flagged"],
             "truePositives": output["backtest"]["populations"][0]["truePositives"]}
    if found != CDNOW_EXPECTED:
        raise BenchmarkError(f"CDNOW: journey gives {found}, the published figures are {CDNOW_EXPECTED}")
    if python:
        entry["duckdb"] = measure("DuckDB, CDNOW", peer_argv(python, path, *CDNOW_ARGS), args.runs, scratch,
                                  peer_argv(python, path, "--noop"), args.wait_idle)
        require_agreement("CDNOW", output, entry["duckdb"]["output"])
    if folder != OUT_DIR:
        path.unlink(missing_ok=True)
    return entry


def row(name: str, e: dict) -> str:
    imported = f"{e['import_wall_s']:.2f} s {e['import_rss_mib']:>6.1f} MiB" if "import_wall_s" in e else ""
    others = e.get("other_cpu_share")
    return (f"  {name:<9}{e['wall_s_median']:>9.2f} s{e['wall_s_min']:>8.2f} s{e['peak_rss_mib']:>9.1f} MiB"
            f"{imported:>20}{'n/a' if others is None else f'{others:.0%}':>8}"
            f"   {e['load_before'][0]:.2f} -> {e['load_after'][0]:.2f}")


HEADER = f"  {'':<9}{'median':>11}{'min':>10}{'peak RSS':>13}{'import only':>20}{'others':>8}   load (1 min)"


def print_report(r: dict) -> None:
    print(f"journey customers benchmark: {r['runs']} runs after 1 warm-up; {r['cpus']} CPUs; "
          f"RSS floor {r['rss_floor_mib']:.1f} MiB")
    print(f"  journey {r['binary']}" + (f"; DuckDB {r['duckdb']}" if r["duckdb"] else "; no peer"))
    for s in r["seeds"]:
        summary = s["summary"]
        print()
        print(f"seed {s['seed']}: {summary['rows']:,} purchases by {summary['customers']:,} customers "
              f"({s['file_mib']:.1f} MiB; {summary['one_time_buyers']:,} buy once)")
        print(HEADER)
        print(row("journey", s["journey"]))
        if "duckdb" in s:
            print(row("DuckDB", s["duckdb"]))
            print(f"  journey/DuckDB: wall {s['journey']['wall_s_median'] / s['duckdb']['wall_s_median']:.2f}, "
                  f"peak RSS {s['journey']['peak_rss_mib'] / s['duckdb']['peak_rss_mib']:.2f}; both give")
        output = s["journey"]["output"]
        print(f"  as of {output['asOf']}, population gap {output['populationGapDays']} days: "
              + ", ".join(f"{k} {v:,}" for k, v in output["categories"].items() if v))
    if r["scaling"]:
        print()
        print("Memory against rows and customers (journey):")
        print(f"  {'log':<26}{'rows':>12}{'customers':>11}{'MiB':>8}{'median':>10}{'peak RSS':>13}   load (1 min)")
        for e in r["scaling"]:
            j = e["journey"]
            print(f"  {e['log']:<26}{e['rows']:>12,}{e['customers']:>11,}{e['file_mib']:>8.1f}"
                  f"{j['wall_s_median']:>8.2f} s{j['peak_rss_mib']:>9.1f} MiB   "
                  f"{j['load_before'][0]:.2f} -> {j['load_after'][0]:.2f}")
    if r["cdnow"]:
        c = r["cdnow"]
        print()
        print(f"CDNOW ({' '.join(CDNOW_ARGS)}): the published figures, in the whole process")
        print(HEADER)
        print(row("journey", c["journey"]))
        if "duckdb" in c:
            print(row("DuckDB", c["duckdb"]))


def parse_seeds(text: str) -> list[int]:
    try:
        seeds = [int(x) for x in text.split(",") if x.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError("a comma-separated list of seeds") from None
    if not seeds:
        raise argparse.ArgumentTypeError("at least one seed")
    return seeds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time `journey customers` and DuckDB on purchase logs and CDNOW.")
    parser.add_argument("--rows", type=positive_int, default=10_000_000, metavar="N",
                        help="purchases per generated log (default: 10000000)")
    parser.add_argument("--customers", type=positive_int, default=1_000_000, metavar="M",
                        help="customers per generated log (default: 1000000)")
    parser.add_argument("--seeds", type=parse_seeds, default=[1, 2], metavar="S,S",
                        help="generator seeds, one log each (default: 1,2)")
    parser.add_argument("--runs", type=positive_int, default=3, metavar="N",
                        help="measured runs per program and log, after one warm-up (default: 3)")
    parser.add_argument("--binary", metavar="PATH", help="the journey binary to time; no build")
    parser.add_argument("--python", metavar="PATH",
                        help="interpreter that has duckdb (default: bench/.venv, created on demand)")
    parser.add_argument("--keep", action="store_true",
                        help="keep the generated logs in bench/out/ and reuse them next time")
    parser.add_argument("--no-peer", action="store_true", help="do not run DuckDB")
    parser.add_argument("--no-scaling", action="store_true", help="skip the memory series")
    parser.add_argument("--no-cdnow", action="store_true", help="skip CDNOW")
    parser.add_argument("--wait-idle", type=float, default=0, metavar="SECONDS",
                        help="before each program, wait up to SECONDS for the CPUs to be idle (default: 0)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args(argv)
    if args.rows < args.customers:
        parser.error("--rows must be at least --customers")
    try:
        result = benchmark(args)
    except BenchmarkError as error:
        log(f"benchmark failed: {error}")
        return 1
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print_report(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
