#!/usr/bin/env python3
"""Time journey check, report and export on generated journeys: the routine after a change.

Usage (from anywhere; paths are resolved from this file):
    python3 bench/commands_benchmark.py [--binary PATH] [--runs N] [--callgrind]
                                        [--json] [--against BASELINE.json] [--tolerance PCT]

Measures, each on a journey from bench/generate_journey.py (seed 1, 10 stages):
  check              `journey check FILE`                       on 100,000 touchpoints
  report             `journey report FILE -o OUT.html`          on  10,000 touchpoints
  export-xml         `journey export --format xml FILE -o OUT`  on  10,000 touchpoints

For each: one warm-up run, then --runs measured runs as fresh child processes (wall time and
peak RSS as in check_benchmark.run_once), the median and minimum wall time, the load average
before and after. With --callgrind, one more run of each under `valgrind --tool=callgrind`
counts the instructions it executes: a figure that does not depend on the load of the
machine, so it is the one to compare before and after a change on a shared machine.

--against BASELINE.json compares the instruction counts with those of an earlier --json
output (of --callgrind) and exits with status 1 when one grew by more than --tolerance percent
(default 5): a regression guard that does not depend on the machine's load. The wall times are
printed, never judged.

Progress goes to stderr, the report (or JSON) to stdout. Python 3.11+, standard library only;
valgrind for --callgrind.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

import check_benchmark  # noqa: E402  (bench/ is on the path only now)
from check_benchmark import BenchmarkError, log  # noqa: E402  (as above)

MIB = 1024 * 1024

# name, touchpoints, the command's arguments after the binary (FILE and OUT are filled in)
COMMANDS = [
    ("check", 100_000, ["check", "FILE"]),
    ("report", 10_000, ["report", "FILE", "-o", "OUT.html"]),
    ("export-xml", 10_000, ["export", "--format", "xml", "FILE", "-o", "OUT.xml"]),
]


def loads() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def argv_for(binary: Path, arguments: list[str], journey: Path, scratch: Path) -> list[str]:
    def fill(argument: str) -> str:
        if argument == "FILE":
            return str(journey)
        if argument.startswith("OUT"):
            return str(scratch / argument)
        return argument
    return [str(binary)] + [fill(a) for a in arguments]


def instructions(argv: list[str], scratch: Path) -> int:
    """The instructions `argv` executes, counted by callgrind (Ir, the whole process)."""
    if shutil.which("valgrind") is None:
        raise BenchmarkError("--callgrind needs valgrind on PATH")
    out = scratch / "callgrind.out"
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *argv],
        stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if result.returncode != 0:
        raise BenchmarkError(f"callgrind run failed (exit code {result.returncode}): {result.stderr[-2000:]}")
    match = re.search(r"Collected\s*:\s*(\d+)", result.stderr)
    out.unlink(missing_ok=True)
    if not match:
        raise BenchmarkError("callgrind printed no instruction count")
    return int(match.group(1))


def benchmark(args: argparse.Namespace) -> dict:
    binary = (check_benchmark.check_binary(Path(args.binary)) if args.binary
              else check_benchmark.check_binary(check_benchmark.build_release()))
    log(f"binary: {binary}")
    tmp = Path(tempfile.mkdtemp(prefix="journey-commands-"))
    results = []
    try:
        scratch = tmp / "out"
        scratch.mkdir()
        journeys: dict[int, tuple[Path, int, int]] = {}
        for name, touchpoints, arguments in COMMANDS:
            if touchpoints not in journeys:
                path = tmp / f"bench-{touchpoints}.journey"
                size, lines = check_benchmark.generate(path, touchpoints)
                journeys[touchpoints] = (path, size, lines)
            path, size, lines = journeys[touchpoints]
            argv = argv_for(binary, arguments, path, scratch)
            load_before = loads()
            warm = check_benchmark.run_once(argv, scratch)
            check_benchmark.require_success(warm, f"{name} warm-up")
            runs = []
            for i in range(args.runs):
                run = check_benchmark.run_once(argv, scratch)
                check_benchmark.require_success(run, f"{name} #{i + 1}")
                log(f"{name} run {i + 1}/{args.runs}: {run.wall_s * 1000:.1f} ms")
                runs.append(run)
            load_after = loads()
            walls = [r.wall_s for r in runs]
            entry = {
                "command": name,
                "argv": " ".join(["journey"] + argv[1:]).replace(str(tmp) + "/", ""),
                "touchpoints": touchpoints,
                "file_mib": round(size / MIB, 2),
                "lines": lines,
                "wall_ms_median": round(statistics.median(walls) * 1000, 1),
                "wall_ms_min": round(min(walls) * 1000, 1),
                "wall_ms_all": [round(w * 1000, 1) for w in walls],
                "peak_rss_mib": round(max(r.maxrss_bytes for r in runs) / MIB, 1),
                "load_before": load_before,
                "load_after": load_after,
            }
            if args.callgrind:
                log(f"{name}: counting instructions under callgrind (about 50 times its wall time)")
                entry["instructions"] = instructions(argv, scratch)
            results.append(entry)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {"binary": str(binary), "runs": args.runs, "cpus": os.cpu_count(), "commands": results}


def compare(result: dict, baseline_path: Path, tolerance: float) -> list[str]:
    """The commands whose instruction count grew by more than `tolerance` percent."""
    baseline = {c["command"]: c for c in json.loads(baseline_path.read_text())["commands"]}
    regressions = []
    for entry in result["commands"]:
        before = baseline.get(entry["command"], {}).get("instructions")
        after = entry.get("instructions")
        if before is None or after is None:
            continue
        change = (after - before) / before * 100
        entry["instructions_change_percent"] = round(change, 1)
        if change > tolerance:
            regressions.append(f"{entry['command']}: {before:,} -> {after:,} instructions ({change:+.1f}%)")
    return regressions


def print_report(r: dict) -> None:
    print(f"journey commands benchmark ({r['runs']} runs after 1 warm-up each; {r['cpus']} CPUs)")
    print(f"  binary  {r['binary']}")
    header = f"  {'command':<11} {'touchpoints':>11} {'median':>10} {'min':>10} {'peak RSS':>10}"
    if any("instructions" in c for c in r["commands"]):
        header += f" {'instructions':>16}"
    print(header + "   load (1 min)")
    for c in r["commands"]:
        line = (f"  {c['command']:<11} {c['touchpoints']:>11,} {c['wall_ms_median']:>7.0f} ms "
                f"{c['wall_ms_min']:>7.0f} ms {c['peak_rss_mib']:>6.1f} MiB")
        if "instructions" in c:
            change = c.get("instructions_change_percent")
            line += f" {c['instructions'] / 1e9:>11.2f} G" + (f" {change:+.1f}%" if change is not None else "")
        print(line + f"   {c['load_before'][0]:.2f} -> {c['load_after'][0]:.2f}")
    for c in r["commands"]:
        print(f"  {c['command']}: {c['argv']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Time journey check, report and export on generated journeys (wall time, peak RSS, "
                    "and with --callgrind the instructions).")
    parser.add_argument("--binary", metavar="PATH",
                        help="use this journey binary instead of building the release product")
    parser.add_argument("--runs", type=check_benchmark.positive_int, default=3, metavar="N",
                        help="measured runs per command after one warm-up run (default: 3)")
    parser.add_argument("--callgrind", action="store_true",
                        help="also count each command's instructions under valgrind's callgrind")
    parser.add_argument("--against", metavar="BASELINE.json", type=Path,
                        help="compare instruction counts with an earlier --json --callgrind output")
    parser.add_argument("--tolerance", type=float, default=5.0, metavar="PCT",
                        help="with --against, the growth in instructions that fails (default: 5)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args(argv)
    if args.against and not args.callgrind:
        parser.error("--against compares instruction counts: add --callgrind")

    def measure_and_compare() -> tuple[dict, list[str]]:
        result = benchmark(args)
        return result, (compare(result, args.against, args.tolerance) if args.against else [])

    outcome, status = check_benchmark.run_guarded(measure_and_compare)
    if outcome is None:
        return status
    result, regressions = outcome
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print_report(result)
    for regression in regressions:
        log(f"REGRESSION (more than {args.tolerance:g}% more instructions): {regression}")
    return 1 if regressions else 0


if __name__ == "__main__":
    sys.exit(main())
