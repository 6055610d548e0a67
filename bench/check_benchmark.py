#!/usr/bin/env python3
"""Benchmark `journey check` on a large generated journey file.

Usage (from anywhere; paths are resolved from this file):
    python3 bench/check_benchmark.py [--touchpoints N] [--runs N]
                                     [--binary PATH] [--keep] [--json]

Steps:
  1. Build the release binary with `swift build -c release --product journey`
     in the repository root (skipped when --binary is given).
  2. Generate a deterministic journey file (bench/generate_journey.py, seed 1,
     10 stages, run as its own process) into a temporary folder; report its
     size and line count.
  3. Run `journey check FILE` once to warm up (page cache, dynamic loader),
     then --runs times, each in its own child process. Each child's wall time
     is measured around spawn..reap with time.perf_counter(), and its peak
     resident set size comes from os.wait4()'s rusage.ru_maxrss.
  4. Print median/min wall time, peak RSS (max over the measured runs),
     throughput and the exit code -- or, with --json, one JSON object.

About ru_maxrss on Linux: when a child execs, the kernel folds the high-water
RSS of the memory image it replaces -- the forked/vforked copy of *this* Python
process -- into the child's maxrss. Left alone, the child would be charged
this script's own peak. So the script keeps itself small (the generator runs in
a separate process), resets its own high-water mark just before every spawn
(`echo 5 > /proc/self/clear_refs`), and measures the remaining floor by
spawning `true` the same way. A peak RSS above that floor (about 16 MiB) is the
child's own; one at the floor only says "at most this much".

Progress messages go to stderr, the report (or JSON) to stdout. The benchmark
fails (exit status 1) if the build fails or `journey check` exits non-zero;
the child's stderr is printed in that case. Python 3.11+, standard library only.
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
import time
from dataclasses import dataclass
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
GENERATOR = BENCH_DIR / "generate_journey.py"
STAGES = 10
SEED = 1
MIB = 1024 * 1024
OUTPUT_KEEP = 64 * 1024  # bytes of the child's stdout/stderr read back for display


class BenchmarkError(Exception):
    """A failure that should stop the benchmark with a clear message."""


@dataclass
class Run:
    wall_s: float
    maxrss_bytes: int
    exit_code: int  # negative: killed by that signal
    stdout: bytes
    stderr: bytes


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def maxrss_to_bytes(ru_maxrss: int) -> int:
    # Linux (and the BSDs) report ru_maxrss in KiB, macOS in bytes.
    return ru_maxrss if sys.platform == "darwin" else ru_maxrss * 1024


def reset_own_rss_high_water_mark() -> None:
    """Make the next child's ru_maxrss start from our *current* RSS, not our peak (Linux)."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass  # not Linux, or not allowed: the floor measurement will show it


def build_release() -> Path:
    """Build the release product and return the path of the binary."""
    if shutil.which("swift") is None:
        raise BenchmarkError("`swift` is not on PATH; install Swift or pass --binary PATH")
    cmd = ["swift", "build", "-c", "release", "--product", "journey"]
    log(f"building: {' '.join(cmd)}  (in {REPO_ROOT})")
    started = time.perf_counter()
    # Build output goes to our stderr so that stdout stays clean for --json.
    result = subprocess.run(cmd, cwd=REPO_ROOT, stdout=sys.stderr, stderr=sys.stderr)
    if result.returncode != 0:
        raise BenchmarkError(f"release build failed (exit code {result.returncode})")
    log(f"build finished in {time.perf_counter() - started:.1f} s")
    bin_dir = subprocess.run(
        ["swift", "build", "-c", "release", "--show-bin-path"],
        cwd=REPO_ROOT, capture_output=True, text=True, check=False,
    )
    if bin_dir.returncode != 0 or not bin_dir.stdout.strip():
        raise BenchmarkError("could not find the release bin folder "
                             f"(`swift build -c release --show-bin-path` said: {bin_dir.stderr.strip()})")
    return Path(bin_dir.stdout.strip()) / "journey"


def check_binary(path: Path) -> Path:
    path = path.expanduser().resolve()
    if not path.is_file():
        raise BenchmarkError(f"binary not found: {path}")
    if not os.access(path, os.X_OK):
        raise BenchmarkError(f"binary is not executable: {path}")
    return path


def read_head(path: Path) -> bytes:
    with open(path, "rb") as f:
        return f.read(OUTPUT_KEEP)


def run_once(argv: list[str], scratch: Path) -> Run:
    """Run argv in a child process; time it and reap it with os.wait4 for its rusage."""
    out_path, err_path = scratch / "stdout.txt", scratch / "stderr.txt"
    # Output goes to files, not pipes: no reader thread competes with the child,
    # and a chatty child can never block on a full pipe.
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        reset_own_rss_high_water_mark()
        started = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        _, status, rusage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
    exit_code = os.waitstatus_to_exitcode(status)
    proc.returncode = exit_code  # we reaped it ourselves; tell Popen
    return Run(wall_s=wall, maxrss_bytes=maxrss_to_bytes(rusage.ru_maxrss), exit_code=exit_code,
               stdout=read_head(out_path), stderr=read_head(err_path))


def generate(path: Path, touchpoints: int) -> tuple[int, int]:
    """Write the benchmark journey to path (in a separate process); return (bytes, lines)."""
    cmd = [sys.executable, str(GENERATOR), "--touchpoints", str(touchpoints),
           "--stages", str(STAGES), "--seed", str(SEED), "-o", str(path)]
    result = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if result.returncode != 0:
        raise BenchmarkError(f"generator failed (exit code {result.returncode}): {result.stderr.strip()}")
    lines = 0
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            lines += chunk.count(b"\n")
    return path.stat().st_size, lines


def cached_generated_log(folder: Path, stem: str, generator_argv: list[str], what: str) -> tuple[Path, dict]:
    """`folder/stem.csv` and its summary `stem.json`, made by running `generator_argv` plus
    `-o CSV --summary-json JSON` in a child process unless both are already there.

    Both are written under temporary names first and the .csv is renamed last, so a .csv
    without its .json (an interrupted run) is never trusted.
    """
    folder.mkdir(parents=True, exist_ok=True)
    csv_path, summary_path = folder / f"{stem}.csv", folder / f"{stem}.json"
    if csv_path.exists() and summary_path.exists():
        log(f"reusing {csv_path}")
    else:
        tmp_csv, tmp_summary = csv_path.with_suffix(".csv.tmp"), summary_path.with_suffix(".json.tmp")
        log(f"generating {what} into {csv_path}")
        cmd = [*generator_argv, "-o", str(tmp_csv), "--summary-json", str(tmp_summary)]
        result = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True)
        if result.returncode != 0:
            raise BenchmarkError(f"generator failed (exit code {result.returncode}): {result.stderr.strip()}")
        log(result.stderr.strip())
        os.replace(tmp_summary, summary_path)
        os.replace(tmp_csv, csv_path)
    summary = json.loads(summary_path.read_text(encoding="utf-8"))
    summary["file_bytes"] = csv_path.stat().st_size
    return csv_path, summary


def repeated_log(source: Path, times: int, target: Path) -> Path:
    """Writes `source`'s header, then its rows `times` times, to `target`."""
    with open(source, "rb") as original:
        header = original.readline()
        body_start = original.tell()
    with open(target, "wb") as out:
        out.write(header)
        for _ in range(times):
            with open(source, "rb") as original:
                original.seek(body_start)
                shutil.copyfileobj(original, out, 1 << 22)
    return target


def require_success(run: Run, label: str) -> None:
    if run.exit_code == 0:
        return
    how = (f"was killed by signal {-run.exit_code}" if run.exit_code < 0
           else f"exited with code {run.exit_code}")
    log(f"\nFAILED: `journey check` {how} on the {label} run (expected 0).")
    for name, data in (("stderr", run.stderr), ("stdout", run.stdout)):
        text = data.decode("utf-8", errors="replace").rstrip()
        if text:
            lines = text.splitlines()
            shown = lines[:40]
            log(f"--- journey check {name} ({len(lines)} lines{', first 40' if len(lines) > 40 else ''}) ---")
            log("\n".join(shown))
    raise BenchmarkError(f"`journey check` {how}; the benchmark needs exit code 0")


def first_line(data: bytes, limit: int = 100) -> str:
    text = data.decode("utf-8", errors="replace").strip()
    line = text.splitlines()[0] if text else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


def benchmark(args: argparse.Namespace) -> dict:
    binary = check_binary(Path(args.binary)) if args.binary else check_binary(build_release())
    log(f"binary: {binary}")

    tmp = Path(tempfile.mkdtemp(prefix="journey-bench-"))
    journey_file = tmp / f"bench-{args.touchpoints}.journey"
    try:
        started = time.perf_counter()
        size, lines = generate(journey_file, args.touchpoints)
        log(f"generated {journey_file} ({size / MIB:.2f} MiB, {lines} lines) "
            f"in {time.perf_counter() - started:.1f} s")

        scratch = tmp / "out"
        scratch.mkdir()
        argv = [str(binary), "check", str(journey_file)]
        true_bin = shutil.which("true") or "/bin/true"
        floor = run_once([true_bin], scratch)
        log(f"RSS floor (`{true_bin}` spawned the same way): {floor.maxrss_bytes / MIB:.1f} MiB")

        log("warm-up run")
        warm = run_once(argv, scratch)
        require_success(warm, "warm-up")

        runs: list[Run] = []
        for i in range(args.runs):
            run = run_once(argv, scratch)
            require_success(run, f"measured #{i + 1}")
            log(f"run {i + 1}/{args.runs}: {run.wall_s * 1000:.1f} ms, "
                f"max RSS {run.maxrss_bytes / MIB:.1f} MiB")
            runs.append(run)
    finally:
        if args.keep:
            log(f"kept {journey_file}")
            shutil.rmtree(tmp / "out", ignore_errors=True)
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    walls = [r.wall_s for r in runs]
    median_s = statistics.median(walls)
    peak_rss = max(r.maxrss_bytes for r in runs)
    result = {
        "binary": str(binary),
        "touchpoints": args.touchpoints,
        "stages": STAGES,
        "seed": SEED,
        "file_bytes": size,
        "file_mib": round(size / MIB, 3),
        "lines": lines,
        "runs": args.runs,
        "wall_ms_median": round(median_s * 1000, 3),
        "wall_ms_min": round(min(walls) * 1000, 3),
        "wall_ms_max": round(max(walls) * 1000, 3),
        "wall_ms_all": [round(w * 1000, 3) for w in walls],
        "warmup_wall_ms": round(warm.wall_s * 1000, 3),
        "peak_rss_mib": round(peak_rss / MIB, 2),
        "rss_floor_mib": round(floor.maxrss_bytes / MIB, 2),
        "peak_rss_at_floor": peak_rss <= floor.maxrss_bytes + MIB,
        "touchpoints_per_s": round(args.touchpoints / median_s) if median_s > 0 else None,
        "lines_per_s": round(lines / median_s) if median_s > 0 else None,
        "exit_code": runs[-1].exit_code,
        "check_output_first_line": first_line(runs[-1].stdout) or first_line(runs[-1].stderr),
        "python": sys.version.split()[0],
        "platform": sys.platform,
        "cpus": os.cpu_count(),
    }
    if args.keep:
        result["file"] = str(journey_file)
    return result


def print_report(r: dict) -> None:
    def rate(v: int | None) -> str:
        return "n/a" if v is None else f"{v:,}".replace(",", " ")

    print(f"journey check benchmark ({r['runs']} runs after 1 warm-up)")
    print(f"  binary      {r['binary']}")
    print(f"  input       {r['touchpoints']} touchpoints, {r['stages']} stages, seed {r['seed']}: "
          f"{r['file_mib']:.2f} MiB, {r['lines']} lines")
    if "file" in r:
        print(f"  file        {r['file']}  (kept)")
    print(f"  wall time   median {r['wall_ms_median']:.1f} ms, min {r['wall_ms_min']:.1f} ms, "
          f"max {r['wall_ms_max']:.1f} ms")
    print(f"  peak RSS    {r['peak_rss_mib']:.1f} MiB (max over runs; "
          f"measurement floor {r['rss_floor_mib']:.1f} MiB)")
    if r["peak_rss_at_floor"]:
        print("              warning: peak RSS is at the floor, so it is only an upper bound")
    print(f"  throughput  {rate(r['touchpoints_per_s'])} touchpoints/s, "
          f"{rate(r['lines_per_s'])} lines/s (at the median)")
    print(f"  exit code   {r['exit_code']}")
    if r["check_output_first_line"]:
        print(f"  output      {r['check_output_first_line']}")


def run_guarded(work):
    """(work(), 0); or, when it fails or is interrupted, (None, 1 or 130) with a message."""
    try:
        return work(), 0
    except BenchmarkError as error:
        log(f"benchmark failed: {error}")
        return None, 1
    except KeyboardInterrupt:
        log("interrupted")
        return None, 130


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be >= 1")
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Time `journey check` (wall time, peak RSS) on a generated journey file.")
    parser.add_argument("--touchpoints", type=positive_int, default=100_000, metavar="N",
                        help="touchpoints in the generated file (default: 100000)")
    parser.add_argument("--runs", type=positive_int, default=5, metavar="N",
                        help="measured runs after one warm-up run (default: 5)")
    parser.add_argument("--binary", metavar="PATH",
                        help="use this journey binary instead of building the release product")
    parser.add_argument("--keep", action="store_true",
                        help="keep the generated journey file and print its path")
    parser.add_argument("--json", action="store_true",
                        help="print the figures as one JSON object instead of the report")
    args = parser.parse_args(argv)

    result, status = run_guarded(lambda: benchmark(args))
    if result is None:
        return status

    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print_report(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
