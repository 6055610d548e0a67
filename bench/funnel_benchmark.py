#!/usr/bin/env python3
"""Benchmark `journey funnel` against DuckDB and ClickHouse's windowFunnel (chdb) on the same logs.

Usage (from anywhere; paths are resolved from this file):
    python3 bench/funnel_benchmark.py [--data shared|own] [--sizes 1000000,10000000] [--runs 3] [--seed 42]
                                      [--binary PATH | --skip-journey] [--python PATH]
                                      [--no-verify] [--wait-idle SECONDS] [--json]

Steps:
  1. Engines. DuckDB and chdb come from PyPI, pinned (ENGINE_REQUIREMENTS). Unless
     --python names an interpreter that has them, the script creates the virtual
     environment bench/.venv (git-ignored) and pip-installs them into it, once.
  2. The binary. Builds `swift build -c release --product journey` unless --binary is
     given (or --skip-journey).
  3. Inputs. With --data shared (the default), bench/gen_events.py, the team's shared
     event-log generator (about 0.39 customers a row, as in ad-driven funnels; seed 42),
     measured with bench/funnel-shared.journey; with --data own, bench/generate_events.py
     (seed 1) with bench/funnel.journey. One log per size goes into bench/out/
     (git-ignored), named after the size, the seed and a hash of the generator, so a
     log is generated once and reused until the generator changes.
  4. Verification (skip with --no-verify). On a hand-written log of edge cases
     (ties, the window's boundary, attempts, strays) and on a small log of the data set,
     the plain-Python reference (bench/engines/reference_funnel.py), DuckDB and chdb
     must give the same level for every customer, and `journey funnel` the same reach.
  5. Measurement. For each size and engine: one run that only imports the engine
     (what the interpreter and the library cost alone), one warm-up run, then --runs
     measured runs, each a fresh child process timed and reaped with os.wait4 by
     check_benchmark.run_once (wall time around spawn..reap, peak RSS from ru_maxrss).
     The share of the CPUs that other processes used meanwhile is reported too: on a
     shared machine it explains slow runs (--wait-idle waits for a quiet moment first).
  6. Agreement. Every run of every engine must give the same reach per stage; if not,
     the script prints the stages side by side, runs the reference on the log to say
     who is right, and exits with status 1.

Progress goes to stderr; the report (or JSON with --json) to stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
import zlib
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from check_benchmark import (  # noqa: E402  (reused measurement helpers)
    MIB, BenchmarkError, Run, build_release, cached_generated_log, check_binary, log, run_once,
)
import generate_events  # noqa: E402  (standard library only: cheap to import)

REPO_ROOT = BENCH_DIR.parent
OUT_DIR = BENCH_DIR / "out"
VENV_DIR = BENCH_DIR / ".venv"
ENGINES_DIR = BENCH_DIR / "engines"
JOURNEY_FILE = BENCH_DIR / "funnel.journey"
GENERATOR = BENCH_DIR / "generate_events.py"
SHARED_JOURNEY_FILE = BENCH_DIR / "funnel-shared.journey"
SHARED_GENERATOR = BENCH_DIR / "gen_events.py"
# The shared generator's funnel steps, in order (its docstring); one stage each.
SHARED_STAGES = [("Ad", ["ad_view"]), ("View", ["product_view"]), ("Cart", ["add_to_cart"]),
                 ("Checkout", ["checkout"]), ("Purchase", ["purchase"])]
SHARED_SEED = 42
# numpy for the shared generator, which the engines' interpreter runs.
ENGINE_REQUIREMENTS = {"duckdb": "2.0.0", "chdb": "4.4.0", "numpy": "2.4.6"}
WINDOW_S = 14 * 86400
WINDOW_ARG = "14d"
SEED = 1
VERIFY_EVENTS, VERIFY_SEED, VERIFY_DAYS = 200_000, 7, 20
SQL_ENGINES = ("duckdb", "chdb")


# --------------------------------------------------------------------------- journey CLI

def journey_argv(binary: Path, events: Path, journey: Path = JOURNEY_FILE) -> list[str]:
    """The `journey funnel` command line the benchmark times."""
    return [str(binary), "funnel", str(journey), "--events", str(events),
            "--window", WINDOW_ARG, "--format", "json"]


def parse_journey_reach(stdout: bytes, stage_names: list[str]) -> list[int]:
    """Reach per stage from `journey funnel --format json`. Adjust here if the output changes.

    Expected: {"stages": [{"name": "Discover", "reach": 189342, ...}, ...], ...}, the stages
    in funnel order. Other keys are ignored.
    """
    try:
        doc = json.loads(stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BenchmarkError(f"`journey funnel` did not print JSON ({error}); "
                             f"it printed: {stdout[:300]!r}") from None
    stages = doc.get("stages") if isinstance(doc, dict) else None
    if not isinstance(stages, list) or not all(isinstance(s, dict) and "reach" in s for s in stages):
        raise BenchmarkError("`journey funnel` JSON has no top-level \"stages\" array of objects "
                             f"with \"reach\"; it printed: {stdout[:300]!r}")
    names = [s.get("name") for s in stages]
    if names != stage_names:
        raise BenchmarkError(f"`journey funnel` stages are {names}, expected {stage_names}")
    return [int(s["reach"]) for s in stages]


# --------------------------------------------------------------------------- the journey's stages

def read_stages(path: Path) -> list[tuple[str, list[str]]]:
    """The `stage` and `event` lines of a journey file (bare words or simple strings)."""
    def text(rest: str) -> str:
        rest = rest.strip()
        if rest.startswith('"'):
            end, out, i = False, [], 1
            while i < len(rest):
                ch = rest[i]
                if ch == "\\" and i + 1 < len(rest):
                    out.append(rest[i + 1])
                    i += 2
                    continue
                if ch == '"':
                    end = True
                    break
                out.append(ch)
                i += 1
            if not end:
                raise BenchmarkError(f"{path}: unterminated string in {rest!r}")
            return "".join(out)
        return rest.split("#", 1)[0].split()[0]

    stages: list[tuple[str, list[str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        words = line.strip().split(None, 1)
        if len(words) == 2 and words[0] == "stage":
            stages.append((text(words[1]), []))
        elif len(words) == 2 and words[0] == "event":
            if not stages:
                raise BenchmarkError(f"{path}: event before the first stage")
            stages[-1][1].append(text(words[1]))
    if not stages or not all(events for _, events in stages):
        raise BenchmarkError(f"{path}: every stage needs at least one event line")
    return stages


def check_stages_match_generator(stages: list[tuple[str, list[str]]], data: str = "own") -> None:
    if data == "shared":
        if stages != SHARED_STAGES:
            raise BenchmarkError(f"{SHARED_JOURNEY_FILE.name} stages {stages} differ from the shared "
                                 f"generator's steps {SHARED_STAGES}; make them the same")
        return
    generated = [(name, list(events)) for name, events in generate_events.STAGES]
    if stages != generated:
        raise BenchmarkError(f"{JOURNEY_FILE.name} stages {stages} differ from "
                             f"generate_events.STAGES {generated}; make them the same")


def journey_file(data: str) -> Path:
    return SHARED_JOURNEY_FILE if data == "shared" else JOURNEY_FILE


# --------------------------------------------------------------------------- engine environment

def python_has_engines(python: str) -> dict[str, str] | None:
    """The engine versions installed for that interpreter, or None if one is missing."""
    code = ("import importlib.metadata as m, json; "
            f"print(json.dumps({{n: m.version(n) for n in {list(ENGINE_REQUIREMENTS)!r}}}))")
    result = subprocess.run([python, "-c", code], capture_output=True, text=True)
    if result.returncode != 0:
        return None
    return json.loads(result.stdout)


def engine_python(requested: str | None) -> tuple[str, dict[str, str]]:
    """The interpreter the engine runners use, installing DuckDB and chdb if needed."""
    if requested:
        versions = python_has_engines(requested)
        if versions is None:
            raise BenchmarkError(f"{requested} cannot import {' and '.join(ENGINE_REQUIREMENTS)}; "
                                 f"pip install {' '.join(ENGINE_REQUIREMENTS)} for it, or drop --python")
        return requested, versions
    python = str(VENV_DIR / "bin" / "python")
    if not Path(python).exists():
        log(f"creating the virtual environment {VENV_DIR} for DuckDB and chdb")
        result = subprocess.run([sys.executable, "-m", "venv", str(VENV_DIR)], stdout=sys.stderr, stderr=sys.stderr)
        if result.returncode != 0:
            raise BenchmarkError("could not create the venv (on Debian/Ubuntu: apt-get install python3-venv), "
                                 "or pass --python PATH of an interpreter that has duckdb and chdb")
    versions = python_has_engines(python)
    if versions != ENGINE_REQUIREMENTS:
        pins = [f"{name}=={version}" for name, version in ENGINE_REQUIREMENTS.items()]
        log(f"installing {' '.join(pins)} into {VENV_DIR} (once)")
        result = subprocess.run([python, "-m", "pip", "install", "--disable-pip-version-check", "-q", *pins],
                                stdout=sys.stderr, stderr=sys.stderr)
        versions = python_has_engines(python)
        if result.returncode != 0 or versions is None:
            raise BenchmarkError(f"pip install {' '.join(pins)} failed")
    return python, versions


# --------------------------------------------------------------------------- inputs

def generator_hash() -> str:
    # CRC-32, not hashlib: OpenSSL would add 5 MiB to this process and so to the RSS floor.
    return f"{zlib.crc32(GENERATOR.read_bytes()):08x}"


def event_log(events: int, seed: int, days: int = 90) -> tuple[Path, dict]:
    """The cached log for these arguments (generated in a child process if missing) and its summary."""
    return cached_generated_log(
        OUT_DIR, f"events-{events}-seed{seed}-days{days}-{generator_hash()}",
        [sys.executable, str(GENERATOR), "--events", str(events), "--seed", str(seed), "--days", str(days)],
        f"{events:,} events (seed {seed})")


def shared_event_log(events: int, seed: int, python: str) -> tuple[Path, dict]:
    """The cached log of the shared generator for these arguments (run by `python`, which has
    numpy) and its summary: rows and customers, from the generator's own report."""
    OUT_DIR.mkdir(exist_ok=True)
    stem = f"shared-events-{events}-seed{seed}-{zlib.crc32(SHARED_GENERATOR.read_bytes()):08x}"
    csv_path, summary_path = OUT_DIR / f"{stem}.csv", OUT_DIR / f"{stem}.json"
    if csv_path.exists() and summary_path.exists():
        log(f"reusing {csv_path.relative_to(REPO_ROOT)}")
    else:
        tmp_csv = csv_path.with_suffix(".csv.tmp")
        log(f"generating about {events:,} events (shared generator, seed {seed}) into "
            f"{csv_path.relative_to(REPO_ROOT)}")
        cmd = [python, str(SHARED_GENERATOR), "--events", str(events), "--seed", str(seed), "--out", str(tmp_csv)]
        result = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True)
        if result.returncode != 0:
            raise BenchmarkError(f"shared generator failed (exit code {result.returncode}): {result.stderr.strip()}")
        report = result.stderr.strip()
        log(report)
        # "wrote 996362 rows, 393549 customers, 39324063 bytes to … in 1.0s"
        words = report.replace(",", "").split()
        try:
            rows, customers = int(words[words.index("rows") - 1]), int(words[words.index("customers") - 1])
        except (ValueError, IndexError):
            raise BenchmarkError(f"shared generator: cannot read its report {report!r}") from None
        summary_path.write_text(json.dumps({"rows": rows, "customers": customers, "noise_share": None}),
                                encoding="utf-8")
        os.replace(tmp_csv, csv_path)
    summary = json.loads(summary_path.read_text(encoding="utf-8"))
    summary["file_bytes"] = csv_path.stat().st_size
    return csv_path, summary


def data_log(data: str, events: int, seed: int, python: str) -> tuple[Path, dict]:
    """A log of the data set: the shared generator's or this folder's own."""
    return shared_event_log(events, seed, python) if data == "shared" else event_log(events, seed)


# Hand-written edge cases: (customer, [(seconds after CASES_T0, event), ...] in row order, level).
DAY = 86400
W = WINDOW_S
EDGE_CASES: list[tuple[str, list[tuple[int, str]], int]] = [
    ("case01_full_chain_in_minutes",
     [(0, "ad_click"), (60, "product_view"), (120, "add_to_cart"), (180, "checkout_started"),
      (240, "order_placed")], 5),
    ("case02_second_event_of_each_stage",
     [(0, "landing_view"), (10, "product_view"), (20, "add_to_cart"), (30, "payment_info_added"),
      (40, "order_placed")], 5),
    ("case03_last_stage_exactly_at_window_end",
     [(0, "ad_click"), (DAY, "product_view"), (2 * DAY, "add_to_cart"), (3 * DAY, "checkout_started"),
      (W, "order_placed")], 5),
    ("case04_last_stage_one_second_late",
     [(0, "ad_click"), (DAY, "product_view"), (2 * DAY, "add_to_cart"), (3 * DAY, "checkout_started"),
      (W + 1, "order_placed")], 4),
    ("case05_same_second_rows_in_reverse",
     [(100, "order_placed"), (100, "checkout_started"), (100, "add_to_cart"), (100, "product_view"),
      (100, "ad_click")], 5),
    ("case06_later_stages_before_the_start",
     [(0, "product_view"), (10, "add_to_cart"), (20, "ad_click")], 1),
    ("case07_best_of_two_attempts",
     [(0, "ad_click"), (3600, "product_view"), (30 * DAY, "ad_click"), (30 * DAY + 3600, "product_view"),
      (30 * DAY + 7200, "add_to_cart"), (30 * DAY + 10800, "checkout_started")], 4),
    ("case08_later_start_rescues_the_chain",
     [(0, "ad_click"), (5 * DAY, "landing_view"), (6 * DAY, "product_view"), (7 * DAY, "add_to_cart"),
      (18 * DAY, "checkout_started"), (18 * DAY + 60, "order_placed")], 5),
    ("case09_old_chain_expires",
     [(0, "ad_click"), (DAY, "product_view"), (2 * DAY, "add_to_cart"), (10 * DAY, "ad_click"),
      (15 * DAY, "checkout_started")], 3),
    ("case10_new_start_in_the_same_second_as_stage_2",
     [(0, "ad_click"), (20 * DAY, "product_view"), (20 * DAY, "ad_click")], 2),
    ("case11_noise_and_strays_only",
     [(0, "page_view"), (10, "add_to_cart"), (20, "order_placed"), (30, "cart_view")], 0),
    ("case12_repeated_events",
     [(0, "ad_click"), (10, "product_view"), (20, "product_view"), (30, "product_view"),
      (40, "add_to_cart"), (50, "add_to_cart")], 3),
    ("case13_skipped_stage",
     [(0, "ad_click"), (10, "product_view"), (20, "checkout_started"), (30, "order_placed")], 2),
    ("case14_stage_3_before_stage_2",
     [(0, "ad_click"), (10, "add_to_cart"), (20, "product_view")], 2),
    ("case15_stage_2_at_the_start_second",
     [(0, "product_view"), (0, "ad_click")], 2),
    ("case16_stage_2_exactly_at_window_end",
     [(0, "ad_click"), (W, "product_view")], 2),
    ("case17_stage_2_one_second_late",
     [(0, "ad_click"), (W + 1, "product_view")], 1),
    ("case18_event_names_are_case_sensitive",
     [(0, "Ad_Click"), (10, "product_view")], 0),
    ("case19_out_of_window_then_new_start_without_stage_2",
     [(0, "ad_click"), (20 * DAY, "product_view"), (21 * DAY, "ad_click"), (22 * DAY, "add_to_cart")], 1),
    ("case20_noise_between_stages",
     [(0, "ad_click"), (5, "page_view"), (10, "product_view"), (15, "search"), (20, "add_to_cart")], 3),
]
CASES_T0 = "2026-02-27T23:59:50Z"  # so the cases cross a month boundary


def write_edge_cases(path: Path) -> list[int]:
    """Write the edge cases as an event log, customers interleaved; return the expected reach."""
    import calendar
    t0 = calendar.timegm(time.strptime(CASES_T0, "%Y-%m-%dT%H:%M:%SZ"))
    rows = ["customer_id,timestamp,event,device\n"]
    longest = max(len(events) for _, events, _ in EDGE_CASES)
    for i in range(longest):
        for customer, events, _ in EDGE_CASES:
            if i < len(events):
                offset, event = events[i]
                stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t0 + offset))
                rows.append(f"{customer},{stamp},{event},web\n")
    path.write_text("".join(rows), encoding="utf-8")
    n = len(generate_events.STAGES)
    return [sum(1 for _, _, level in EDGE_CASES if level >= k) for k in range(1, n + 1)]


# --------------------------------------------------------------------------- running engines

def engine_argv(python: str, engine: str, events: Path, stages_json: str, *extra: str) -> list[str]:
    return [python, str(ENGINES_DIR / f"{engine}_funnel.py"), str(events),
            "--stages", stages_json, "--window", str(WINDOW_S), *extra]


def run_plain(argv: list[str], label: str) -> bytes:
    """Run a child for its output only (verification), failing clearly."""
    result = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True)
    if result.returncode != 0:
        raise BenchmarkError(f"{label} exited with code {result.returncode}:\n"
                             + result.stderr.decode("utf-8", "replace")[-3000:])
    return result.stdout


def engine_json(stdout: bytes, label: str) -> dict:
    try:
        return json.loads(stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BenchmarkError(f"{label} printed no JSON: {stdout[:300]!r}") from None


def require_success(run: Run, label: str) -> None:
    if run.exit_code == 0:
        return
    how = (f"was killed by signal {-run.exit_code}" if run.exit_code < 0
           else f"exited with code {run.exit_code}")
    text = run.stderr.decode("utf-8", errors="replace").rstrip().splitlines()
    log(f"--- {label} stderr ({len(text)} lines{', last 40' if len(text) > 40 else ''}) ---")
    log("\n".join(text[-40:]))
    raise BenchmarkError(f"{label} {how}")


def diff_table(stage_names: list[str], reaches: dict[str, list[int] | None]) -> str:
    engines = list(reaches)
    width = max(len(n) for n in stage_names + ["stage"])
    lines = ["  " + "stage".ljust(width) + "".join(f"{e:>14}" for e in engines)]
    for k, name in enumerate(stage_names):
        values = [reaches[e][k] if reaches[e] is not None and k < len(reaches[e]) else None for e in engines]
        known = {v for v in values if v is not None}
        mark = "" if len(known) <= 1 else "   <- differ"
        lines.append("  " + name.ljust(width) + "".join(f"{'-' if v is None else v:>14}" for v in values) + mark)
    return "\n".join(lines)


def compare_levels(results: dict[str, dict], expected: dict[str, int] | None, label: str) -> None:
    """Every engine must give every customer the same level (absent = 0)."""
    sources = {name: r["levels"] for name, r in results.items()}
    if expected is not None:
        sources = {"expected": {c: v for c, v in expected.items() if v}, **sources}
    customers = sorted(set().union(*(set(v) for v in sources.values())))
    bad = [c for c in customers if len({src.get(c, 0) for src in sources.values()}) > 1]
    if bad:
        lines = [f"{label}: {len(bad)} customers get different levels:",
                 "  customer".ljust(58) + "".join(f"{name:>11}" for name in sources)]
        for c in bad[:20]:
            lines.append(f"  {c:<56}" + "".join(f"{src.get(c, 0):>11}" for src in sources.values()))
        raise BenchmarkError("\n".join(lines))


def verify(python: str, binary: Path | None, data: str = "own") -> dict:
    """Cross-check the engines on the edge cases (with bench/funnel.journey, whose event names
    they use) and on a small log of the data set (with its journey)."""
    OUT_DIR.mkdir(exist_ok=True)
    cases_path = OUT_DIR / "funnel-edge-cases.csv"
    expected_reach = write_edge_cases(cases_path)
    expected_levels = {customer: level for customer, _, level in EDGE_CASES}
    if data == "shared":
        small_path, _ = shared_event_log(VERIFY_EVENTS, VERIFY_SEED, python)
        small_label = f"{VERIFY_EVENTS:,}-event shared log (seed {VERIFY_SEED})"
    else:
        small_path, _ = event_log(VERIFY_EVENTS, VERIFY_SEED, VERIFY_DAYS)
        small_label = f"{VERIFY_EVENTS:,}-event log (seed {VERIFY_SEED})"
    report = {}
    for label, path, expected, journey in (("edge cases", cases_path, expected_levels, JOURNEY_FILE),
                                           (small_label, small_path, None, journey_file(data))):
        stages = read_stages(journey)
        check_stages_match_generator(stages, "shared" if journey == SHARED_JOURNEY_FILE else "own")
        stage_names = [name for name, _ in stages]
        stages_json = json.dumps([events for _, events in stages], separators=(",", ":"))
        log(f"verifying on the {label}: reference, {', '.join(SQL_ENGINES)}"
            + (", journey" if binary else ""))
        results = {}
        for engine in ("reference", *SQL_ENGINES):
            interpreter = sys.executable if engine == "reference" else python
            out = run_plain(engine_argv(interpreter, engine, path, stages_json, "--levels"), f"{engine} on the {label}")
            results[engine] = engine_json(out, engine)
        compare_levels(results, expected, f"verification on the {label}")
        reach = results["reference"]["reach"]
        if expected is not None and reach != expected_reach:
            raise BenchmarkError(f"edge cases: reach {reach}, expected {expected_reach}")
        reaches = {e: r["reach"] for e, r in results.items()}
        if binary is not None:
            out = run_plain(journey_argv(binary, path, journey), f"journey funnel on the {label}")
            reaches["journey"] = parse_journey_reach(out, stage_names)
            if reaches["journey"] != reach:
                raise BenchmarkError(f"`journey funnel` disagrees on the {label} ({path}):\n"
                                     + diff_table(stage_names, reaches)
                                     + ("\n  expected levels per customer: EDGE_CASES in bench/funnel_benchmark.py"
                                        if expected is not None else ""))
        log(f"  all agree: reach {reach}")
        report[label] = {"file": str(path.relative_to(REPO_ROOT)), "reach": reach, "engines": list(reaches)}
    return report


def machine_cpu_seconds() -> tuple[float, float] | None:
    """(busy, total) CPU seconds of the whole machine since boot, from /proc/stat (Linux), or None."""
    try:
        with open("/proc/stat") as f:
            fields = [int(x) for x in f.readline().split()[1:8]]
    except (OSError, ValueError):
        return None
    hz = os.sysconf("SC_CLK_TCK")
    total = sum(fields)
    idle = fields[3] + fields[4]  # idle + iowait
    return (total - idle) / hz, total / hz


def children_cpu_seconds() -> float:
    """User + system CPU seconds of every child this process has reaped so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cpu_busy(seconds: float = 2.0) -> float | None:
    """Share of all CPUs' time spent busy over the next `seconds`, or None."""
    first = machine_cpu_seconds()
    time.sleep(seconds)
    second = machine_cpu_seconds()
    if first is None or second is None or second[1] == first[1]:
        return None
    return (second[0] - first[0]) / (second[1] - first[1])


def wait_for_idle(max_wait: float, label: str) -> None:
    """On a shared machine: wait up to max_wait seconds for the CPUs to be less than 20% busy."""
    if max_wait <= 0:
        return
    deadline = time.monotonic() + max_wait
    while True:
        busy = cpu_busy()
        if busy is None or busy < 0.20:
            return
        if time.monotonic() > deadline:
            log(f"{label}: CPUs still {busy:.0%} busy after {max_wait:.0f} s; measuring anyway")
            return
        log(f"{label}: CPUs {busy:.0%} busy with other work; waiting")
        time.sleep(5)


def measure(label: str, argv: list[str], runs: int, scratch: Path, noop_argv: list[str] | None,
            parse, wait_idle: float = 0) -> dict:
    """Import-only run (engines), warm-up, then `runs` measured runs; every run's reach."""
    wait_for_idle(wait_idle, label)
    entry: dict = {}
    if noop_argv is not None:
        noop = run_once(noop_argv, scratch)
        require_success(noop, f"{label} (import only)")
        entry["import_wall_s"] = round(noop.wall_s, 3)
        entry["import_rss_mib"] = round(noop.maxrss_bytes / MIB, 1)
        entry["version"] = engine_json(noop.stdout, label).get("version")
    log(f"{label}: warm-up")
    warm = run_once(argv, scratch)
    require_success(warm, label)
    reaches = [parse(warm.stdout)]
    measured: list[Run] = []
    machine_before, children_before = machine_cpu_seconds(), children_cpu_seconds()
    for i in range(runs):
        run = run_once(argv, scratch)
        require_success(run, label)
        reaches.append(parse(run.stdout))
        log(f"{label}: run {i + 1}/{runs}: {run.wall_s:.2f} s, peak RSS {run.maxrss_bytes / MIB:.1f} MiB")
        measured.append(run)
    if any(r != reaches[0] for r in reaches):
        raise BenchmarkError(f"{label} gave different reach from run to run: {reaches}")
    walls = [r.wall_s for r in measured]
    # CPU time that other processes took from the machine during the measured runs: all busy
    # CPU time minus our children's, as a share of the CPUs' capacity over that time.
    machine_after, children_after = machine_cpu_seconds(), children_cpu_seconds()
    others = None
    if machine_before and machine_after and machine_after[1] > machine_before[1]:
        busy = machine_after[0] - machine_before[0] - (children_after - children_before)
        others = round(max(0.0, busy) / (machine_after[1] - machine_before[1]), 3)
    entry.update({
        "reach": reaches[0],
        "wall_s_median": round(statistics.median(walls), 3),
        "wall_s_min": round(min(walls), 3),
        "wall_s_all": [round(w, 3) for w in walls],
        "peak_rss_mib": round(max(r.maxrss_bytes for r in measured) / MIB, 1),
        # Other work on the machine skews wall times (not peak RSS).
        "other_cpu_share": others,
    })
    return entry


def benchmark(args: argparse.Namespace) -> dict:
    journey = journey_file(args.data)
    seed = args.seed if args.seed is not None else (SHARED_SEED if args.data == "shared" else SEED)
    stages = read_stages(journey)
    check_stages_match_generator(stages, args.data)
    stage_names = [name for name, _ in stages]
    stages_json = json.dumps([events for _, events in stages], separators=(",", ":"))

    python, versions = engine_python(args.python)
    log(f"engines: {', '.join(f'{n} {v}' for n, v in versions.items())} ({python})")
    binary = None
    if not args.skip_journey:
        binary = check_binary(Path(args.binary)) if args.binary else check_binary(build_release())
        log(f"binary: {binary}")

    result: dict = {"data": args.data, "journey_file": str(journey.relative_to(REPO_ROOT)), "stages": stage_names,
                    "window_s": WINDOW_S, "seed": seed, "runs": args.runs,
                    "binary": str(binary) if binary else None, "engine_versions": versions,
                    "python": sys.version.split()[0], "cpus": os.cpu_count(), "sizes": []}
    if not args.no_verify:
        # In a child process: the per-customer levels it compares would otherwise stay in this
        # process's heap and raise the RSS floor that every measured child inherits.
        cmd = [sys.executable, str(Path(__file__).resolve()), "--verify-only", "--python", python,
               "--data", args.data]
        cmd += ["--binary", str(binary)] if binary else ["--skip-journey"]
        done = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=sys.stderr)
        if done.returncode != 0:
            raise BenchmarkError("verification failed (see above)")
        result["verification"] = json.loads(done.stdout)

    scratch = OUT_DIR / "scratch"
    scratch.mkdir(parents=True, exist_ok=True)
    true_bin = shutil.which("true") or "/bin/true"
    floor = run_once([true_bin], scratch)
    result["rss_floor_mib"] = round(floor.maxrss_bytes / MIB, 1)
    log(f"RSS floor (`{true_bin}` spawned the same way): {floor.maxrss_bytes / MIB:.1f} MiB")

    failures = []
    for size in args.sizes:
        path, summary = data_log(args.data, size, seed, python)
        entry = {"events": size, "file": str(path.relative_to(REPO_ROOT)),
                 "file_mib": round(summary["file_bytes"] / MIB, 1), "customers": summary["customers"],
                 "noise_share": summary["noise_share"], "engines": {}}
        if binary is not None:
            entry["engines"]["journey"] = measure(
                f"journey @ {size:,}", journey_argv(binary, path, journey), args.runs, scratch, None,
                lambda out: parse_journey_reach(out, stage_names), args.wait_idle)
        for engine in SQL_ENGINES:
            entry["engines"][engine] = measure(
                f"{engine} @ {size:,}", engine_argv(python, engine, path, stages_json), args.runs, scratch,
                engine_argv(python, engine, path, stages_json, "--noop"),
                lambda out, e=engine: engine_json(out, e)["reach"], args.wait_idle)
        reaches = {e: v["reach"] for e, v in entry["engines"].items()}
        entry["agree"] = len({tuple(r) for r in reaches.values()}) == 1
        if not entry["agree"]:
            log(f"engines disagree at {size:,} events; running the plain-Python reference on {path.name}")
            ref = engine_json(run_plain([sys.executable, str(ENGINES_DIR / "reference_funnel.py"), str(path),
                                         "--stages", stages_json, "--window", str(WINDOW_S)], "reference"),
                              "reference")
            reaches["reference"] = ref["reach"]
            entry["reference_reach"] = ref["reach"]
            failures.append(f"{size:,} events ({path}):\n" + diff_table(stage_names, reaches))
        result["sizes"].append(entry)
    result["failures"] = failures
    return result


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "n/a"


def print_report(r: dict) -> None:
    print(f"journey funnel benchmark ({r['data']} data, seed {r['seed']}): {', '.join(r['stages'])}; "
          f"window {r['window_s'] // 86400} days; {r['runs']} runs after 1 warm-up")
    print(f"  engines: {', '.join(f'{n} {v}' for n, v in r['engine_versions'].items())}"
          + (f"; journey {r['binary']}" if r["binary"] else "; journey skipped"))
    print(f"  RSS floor of the measurement: {r['rss_floor_mib']:.1f} MiB; {r['cpus']} CPUs")
    for label, v in r.get("verification", {}).items():
        print(f"  verified on the {label}: {', '.join(v['engines'])} agree (reach {v['reach']})")
    for s in r["sizes"]:
        print()
        noise = "" if s["noise_share"] is None else f", {s['noise_share']:.0%} noise"
        print(f"{s['events']:,} events: {s['file']} ({s['file_mib']:.1f} MiB, {s['customers']:,} customers"
              f"{noise})")
        print(f"  {'engine':<9}{'median wall':>12}{'min wall':>10}{'peak RSS':>12}{'import only':>20}"
              f"{'other CPU':>11}")
        busy = False
        for name, e in s["engines"].items():
            imp = (f"{e['import_wall_s']:.2f} s {e['import_rss_mib']:>6.1f} MiB" if "import_wall_s" in e else "")
            others = e.get("other_cpu_share")
            busy = busy or (others or 0) > 0.10
            print(f"  {name:<9}{e['wall_s_median']:>10.2f} s{e['wall_s_min']:>8.2f} s"
                  f"{e['peak_rss_mib']:>8.1f} MiB{imp:>20}{'n/a' if others is None else f'{others:.0%}':>11}")
        if busy:
            print("  warning: other processes took more than 10% of the CPUs during the runs; "
                  "wall times are inflated")
        engines = s["engines"]
        base = "journey" if "journey" in engines else "chdb"
        for other in ("duckdb", "chdb"):
            if other != base and other in engines:
                print(f"  {base}/{other}: wall {ratio(engines[base]['wall_s_median'], engines[other]['wall_s_median'])}, "
                      f"peak RSS {ratio(engines[base]['peak_rss_mib'], engines[other]['peak_rss_mib'])}")
        first = next(iter(engines.values()))["reach"]
        if s["agree"]:
            print(f"  reach ({', '.join(engines)} agree): "
                  + ", ".join(f"{n} {v:,}" for n, v in zip(r["stages"], first)))
        else:
            print("  ENGINES DISAGREE (see below)")
    for failure in r["failures"]:
        print()
        print("DISAGREEMENT at " + failure)


def parse_sizes(text: str) -> list[int]:
    try:
        sizes = [int(x.replace("_", "")) for x in text.split(",") if x.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError("a comma-separated list of event counts") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be >= 1")
    return sizes


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be >= 1")
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Time `journey funnel`, DuckDB and chdb's windowFunnel on the same event logs.")
    parser.add_argument("--sizes", type=parse_sizes, default=[1_000_000, 10_000_000], metavar="N,N",
                        help="events per log, comma-separated (default: 1000000,10000000)")
    parser.add_argument("--runs", type=positive_int, default=3, metavar="N",
                        help="measured runs per engine and size, after one warm-up (default: 3)")
    parser.add_argument("--data", choices=("shared", "own"), default="shared",
                        help="shared: the team's shared generator (bench/gen_events.py) with "
                             "bench/funnel-shared.journey; own: bench/generate_events.py with "
                             "bench/funnel.journey (default: shared)")
    parser.add_argument("--seed", type=int, default=None,
                        help=f"generator seed (default: {SHARED_SEED} for shared data, {SEED} for own)")
    parser.add_argument("--binary", metavar="PATH", help="the journey binary to time; no build")
    parser.add_argument("--skip-journey", action="store_true",
                        help="compare and time only DuckDB and chdb (no build, no journey runs)")
    parser.add_argument("--python", metavar="PATH",
                        help="interpreter that has duckdb and chdb (default: bench/.venv, created on demand)")
    parser.add_argument("--no-verify", action="store_true",
                        help="skip the cross-check on the edge cases and the small log")
    parser.add_argument("--wait-idle", type=float, default=0, metavar="SECONDS",
                        help="before each engine, wait up to SECONDS for the CPUs to be idle "
                             "(on a shared machine; default: 0, do not wait)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--verify-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    try:
        if args.verify_only:  # the verification step, run as a child of the benchmark
            python, _ = engine_python(args.python)
            binary = None if args.skip_journey else check_binary(Path(args.binary))
            report = verify(python, binary, args.data)
            print(json.dumps(report))
            return 0
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
    return 1 if result["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
