#!/usr/bin/env python3
"""Benchmark `journey customers --model` against `lifetimes`, and check that they agree.

Usage (from anywhere; paths are resolved from this file):
    python3 bench/model_benchmark.py [--runs 5] [--customers 1000000] [--binary PATH]
                                     [--python PATH] [--json]

Steps:
  1. The peer. `lifetimes` comes from PyPI, pinned (LIFETIMES), into the virtual environment
     bench/.venv (git-ignored), once, unless --python names an interpreter that has it.
  2. The binary. Builds `swift build -c release --product journey` unless --binary is given.
  3. Inputs. The CDNOW purchase log (scripts/fetch-cdnow.sh) as a CSV log in bench/out/; and a
     generated log of --customers customers who buy and leave as BG/NBD says (cached in
     bench/out/ by size, seed and a hash of this file).
  4. Agreement, on CDNOW at 1998-06-30 in days, for BG/NBD and MBG/NBD: journey's parameters
     (`--format json`, every digit) against lifetimes' (engines/lifetimes_model.py), each to
     1e-4 relative, and every customer's P(alive) (`--format csv`, six decimals) to 1e-5.
  5. Whole process on CDNOW: read, summarise, fit, write P(alive) for every customer, as
     `journey customers --model M --format csv` and as the lifetimes script, each a fresh child
     process timed from spawn to reap (check_benchmark.run_once), one warm-up then --runs runs.
  6. The fit on the generated log: `--model bgnbd --format json` against `--model rhythm`, the
     same command without a fit; the difference is the fit with the P(alive) of every customer
     and the forecasts the JSON sums, an upper bound on the fit alone.

The load average is printed before and after: on a shared machine, other work inflates wall
times. Progress goes to stderr; the report (or JSON with --json) to stdout.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from check_benchmark import (  # noqa: E402  (reused measurement helpers)
    BenchmarkError, build_release, check_binary, log, positive_int, run_once,
)

REPO_ROOT = BENCH_DIR.parent
OUT_DIR = BENCH_DIR / "out"
VENV_DIR = BENCH_DIR / ".venv"
PEER = BENCH_DIR / "engines" / "lifetimes_model.py"
CDNOW = REPO_ROOT / ".data" / "cdnow" / "CDNOW_master.txt"
CDNOW_AS_OF = "1998-06-30"
LIFETIMES = "0.11.3"
MODELS = ("bgnbd", "mbgnbd")
PARAMETERS = ("r", "alpha", "a", "b")
PARAMETER_TOLERANCE = 1e-4  # relative, each parameter
ALIVE_TOLERANCE = 1e-5  # absolute, every customer's P(alive)
SEED = 1


# --------------------------------------------------------------------------- the peer

def peer_python(requested: str | None) -> str:
    """An interpreter with lifetimes, installing it into bench/.venv if needed."""
    check = "import lifetimes, importlib.metadata as m; print(m.version('lifetimes'))"
    if requested:
        if subprocess.run([requested, "-c", check], capture_output=True).returncode != 0:
            raise BenchmarkError(f"{requested} cannot import lifetimes; pip install lifetimes=={LIFETIMES}")
        return requested
    python = str(VENV_DIR / "bin" / "python")
    if not Path(python).exists():
        log(f"creating the virtual environment {VENV_DIR}")
        if subprocess.run([sys.executable, "-m", "venv", str(VENV_DIR)], stdout=sys.stderr).returncode != 0:
            raise BenchmarkError("could not create the venv (on Debian/Ubuntu: apt-get install python3-venv)")
    found = subprocess.run([python, "-c", check], capture_output=True, text=True)
    if found.returncode != 0 or found.stdout.strip() != LIFETIMES:
        log(f"installing lifetimes=={LIFETIMES} into {VENV_DIR} (once)")
        result = subprocess.run([python, "-m", "pip", "install", "--disable-pip-version-check", "-q",
                                 f"lifetimes=={LIFETIMES}"], stdout=sys.stderr, stderr=sys.stderr)
        if result.returncode != 0:
            raise BenchmarkError(f"pip install lifetimes=={LIFETIMES} failed")
    return python


# --------------------------------------------------------------------------- inputs

def cdnow_log() -> Path:
    """The CDNOW purchase log as `customer_id,timestamp` rows, written once into bench/out/."""
    if not CDNOW.exists():
        subprocess.run(["bash", str(REPO_ROOT / "scripts" / "fetch-cdnow.sh")], stdout=sys.stderr)
    if not CDNOW.exists():
        raise BenchmarkError("no CDNOW log: scripts/fetch-cdnow.sh could not fetch it")
    OUT_DIR.mkdir(exist_ok=True)
    path = OUT_DIR / "cdnow-purchases.csv"
    if not path.exists():
        rows = ["customer_id,timestamp"]
        for line in CDNOW.read_text().splitlines()[1:]:
            customer, date, _, _ = line.split()
            rows.append(f"{customer},{date[:4]}-{date[4:6]}-{date[6:]}T00:00:00Z")
        path.write_text("\n".join(rows) + "\n")
    return path


def generated_log(customers: int) -> Path:
    """A purchase log of `customers` customers who buy and leave as BG/NBD says, cached.

    Purchase rates are gamma (r = 0.25, alpha = 30 days), chances of leaving after a repeat
    purchase beta (a = 0.8, b = 2.4), first purchases spread over the first 90 days of 2024 and
    the log runs to day 364; purchases at noon, as epoch seconds.
    """
    OUT_DIR.mkdir(exist_ok=True)
    stem = f"purchases-{customers}-seed{SEED}-{zlib.crc32(Path(__file__).read_bytes()):08x}"
    path = OUT_DIR / f"{stem}.csv"
    if path.exists():
        return path
    log(f"generating {customers:,} customers into {path.relative_to(REPO_ROOT)}")
    rng = random.Random(SEED)
    start = 19_723 * 86_400 + 43_200  # 2024-01-01T12:00:00Z
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w") as out:
        out.write("customer_id,timestamp\n")
        for number in range(customers):
            rate = rng.gammavariate(0.25, 1 / 30)
            leaving = rng.betavariate(0.8, 2.4)
            day = rng.uniform(0, 90)
            lines = [f"c{number},{start + int(day) * 86_400}\n"]
            while rate > 0:
                day += rng.expovariate(rate)
                if day >= 365:
                    break
                lines.append(f"c{number},{start + int(day) * 86_400}\n")
                if rng.random() < leaving:
                    break
            out.writelines(lines)
    tmp.rename(path)
    return path


# --------------------------------------------------------------------------- agreement

def run_to_file(argv: list[str], output: Path) -> None:
    with open(output, "wb") as out:
        result = subprocess.run(argv, stdout=out, stderr=subprocess.PIPE)
    if result.returncode != 0:
        raise BenchmarkError(f"{' '.join(argv)} failed: {result.stderr.decode()[:2000]}")


def alive_column(path: Path, column: str) -> dict[str, float]:
    with open(path, newline="") as f:
        return {row["customer_id"]: float(row[column]) for row in csv.DictReader(f)}


def agreement(binary: Path, python: str, log_path: Path, scratch: Path) -> dict:
    results = {}
    for model in MODELS:
        base = [str(binary), "customers", "--model", model, "--as-of", CDNOW_AS_OF]
        run_to_file(base + ["--format", "json", str(log_path)], scratch / "journey.json")
        run_to_file(base + ["--format", "csv", str(log_path)], scratch / "journey.csv")
        peer_out = scratch / "lifetimes.csv"
        run_to_file([python, str(PEER), str(log_path), "--as-of", CDNOW_AS_OF, "--model", model,
                     "--output", str(peer_out)], scratch / "lifetimes.json")
        ours = json.loads((scratch / "journey.json").read_text())["model"]
        theirs = json.loads((scratch / "lifetimes.json").read_text())
        relative = {name: abs(ours["parameters"][name] / theirs["parameters"][name] - 1) for name in PARAMETERS}
        our_alive = alive_column(scratch / "journey.csv", "p_alive")
        their_alive = alive_column(peer_out, "p_alive")
        if set(our_alive) != set(their_alive):
            raise BenchmarkError(f"{model}: journey and lifetimes list different customers")
        worst = max(our_alive, key=lambda c: abs(our_alive[c] - their_alive[c]))
        results[model] = {
            "journey": ours["parameters"], "lifetimes": theirs["parameters"],
            "logLikelihood": {"journey": ours["logLikelihood"], "lifetimes": theirs["logLikelihood"]},
            "iterations": ours["iterations"], "distinctSummaries": ours["distinctSummaries"],
            "relativeDifference": relative, "customers": len(our_alive),
            "largestAliveDifference": abs(our_alive[worst] - their_alive[worst]), "worstCustomer": worst,
            "agrees": max(relative.values()) <= PARAMETER_TOLERANCE
            and abs(our_alive[worst] - their_alive[worst]) <= ALIVE_TOLERANCE,
        }
    return results


# --------------------------------------------------------------------------- timing

def timed(argv: list[str], runs: int, scratch: Path, label: str) -> dict:
    warm = run_once(argv, scratch)
    if warm.exit_code != 0:
        raise BenchmarkError(f"{label} failed: {warm.stderr.decode()[:2000]}")
    walls = []
    for _ in range(runs):
        run = run_once(argv, scratch)
        if run.exit_code != 0:
            raise BenchmarkError(f"{label} failed: {run.stderr.decode()[:2000]}")
        walls.append(run.wall_s)
    return {"median_s": statistics.median(walls), "min_s": min(walls), "runs": walls}


def benchmark(args: argparse.Namespace) -> dict:
    python = peer_python(args.python)
    binary = check_binary(args.binary) if args.binary else build_release()
    result: dict = {"loadAverageBefore": os.getloadavg(), "binary": str(binary)}
    with tempfile.TemporaryDirectory(prefix="journey-model-bench-") as folder:
        scratch = Path(folder)
        cdnow = cdnow_log()
        log("checking agreement with lifetimes on CDNOW")
        result["agreement"] = agreement(binary, python, cdnow, scratch)
        result["cdnow"] = {}
        for model in MODELS:
            log(f"timing the whole process on CDNOW, {model}")
            ours = timed([str(binary), "customers", "--model", model, "--format", "csv", str(cdnow)],
                         args.runs, scratch, f"journey {model}")
            theirs = timed([python, str(PEER), str(cdnow), "--as-of", CDNOW_AS_OF, "--model", model,
                            "--output", str(scratch / "p.csv")], args.runs, scratch, f"lifetimes {model}")
            result["cdnow"][model] = {"journey": ours, "lifetimes": theirs,
                                      "speedup": theirs["median_s"] / ours["median_s"]}
        generated = generated_log(args.customers)
        log(f"timing the fit on {args.customers:,} generated customers")
        fits = {}
        for model in ("rhythm",) + MODELS:
            argv = [str(binary), "customers", "--model", model, "--format", "json", str(generated)]
            fits[model] = timed(argv, args.runs, scratch, f"journey {model} on the generated log")
            if model != "rhythm":
                document = json.loads(subprocess.run(argv, capture_output=True, check=True).stdout)
                fits[model]["iterations"] = document["model"]["iterations"]
                fits[model]["distinctSummaries"] = document["model"]["distinctSummaries"]
                fits[model]["fitUpperBound_s"] = fits[model]["median_s"] - fits["rhythm"]["median_s"]
        result["generated"] = {"customers": args.customers, "rows": sum(1 for _ in open(generated)) - 1,
                               "runs": fits}
    result["loadAverageAfter"] = os.getloadavg()
    return result


def print_report(r: dict) -> None:
    print("journey customers --model against lifetimes " + LIFETIMES)
    print(f"  load average before {r['loadAverageBefore'][0]:.2f}, after {r['loadAverageAfter'][0]:.2f} (2 cores)")
    print(f"Agreement on CDNOW at {CDNOW_AS_OF}, in days:")
    for model, a in r["agreement"].items():
        print(f"  {model}: {a['customers']:,} customers, {a['distinctSummaries']:,} distinct summaries, "
              f"{a['iterations']} iterations; {'agrees' if a['agrees'] else 'DISAGREES'}")
        for name in PARAMETERS:
            print(f"    {name:<5} journey {a['journey'][name]:.10g}  lifetimes {a['lifetimes'][name]:.10g}  "
                  f"relative difference {a['relativeDifference'][name]:.1e}")
        print(f"    log-likelihood journey {a['logLikelihood']['journey']:.4f}  "
              f"lifetimes {a['logLikelihood']['lifetimes']:.4f}")
        print(f"    largest P(alive) difference {a['largestAliveDifference']:.1e} (customer {a['worstCustomer']})")
    print("Whole process on CDNOW (read, summarise, fit, write P(alive) for every customer):")
    for model, t in r["cdnow"].items():
        print(f"  {model}: journey median {t['journey']['median_s'] * 1000:.0f} ms (min "
              f"{t['journey']['min_s'] * 1000:.0f}), lifetimes median {t['lifetimes']['median_s']:.2f} s "
              f"(min {t['lifetimes']['min_s']:.2f}): {t['speedup']:.1f}× faster")
    g = r["generated"]
    print(f"Generated log: {g['customers']:,} customers, {g['rows']:,} purchases (--format json):")
    for model, t in g["runs"].items():
        extra = ""
        if model != "rhythm":
            extra = (f"; {t['distinctSummaries']:,} distinct summaries, {t['iterations']} iterations; "
                     f"fit and P(alive) at most {t['fitUpperBound_s'] * 1000:.0f} ms")
        print(f"  {model:<7} median {t['median_s']:.2f} s (min {t['min_s']:.2f}){extra}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=positive_int, default=5)
    parser.add_argument("--customers", type=positive_int, default=1_000_000)
    parser.add_argument("--binary", type=Path)
    parser.add_argument("--python", help="an interpreter that has lifetimes (default: bench/.venv)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    try:
        result = benchmark(args)
    except BenchmarkError as error:
        log(f"error: {error}")
        return 1
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_report(result)
    agrees = all(a["agrees"] for a in result["agreement"].values())
    return 0 if agrees else 1


if __name__ == "__main__":
    sys.exit(main())
