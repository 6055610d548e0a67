#!/usr/bin/env python3
"""Compare the funnel levels of one log across the plain-Python reference
(bench/engines/reference_funnel.py), PostgreSQL (pg_funnel.py), ClickHouse 18.16 (ch_funnel.py)
and the reach of `journey funnel` (a built binary). Servers from start-*.sh must be running.
    compare.py EVENTS.csv JOURNEY_FILE --stages JSON [--window SECONDS] [--journey BIN]
               [--repo DIR] [--skip-clickhouse] [--skip-postgres]"""
import argparse
import json
import os
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
p = argparse.ArgumentParser()
p.add_argument("events")
p.add_argument("journey_file")
p.add_argument("--stages", required=True)
p.add_argument("--window", type=int, default=14 * 86400)
p.add_argument("--journey", default=".build/release/journey")
p.add_argument("--repo", default=".")
p.add_argument("--table", default="cmp")
p.add_argument("--skip-clickhouse", action="store_true")
p.add_argument("--skip-postgres", action="store_true")
a = p.parse_args()
events = os.path.abspath(a.events)


def run(cmd):
    t = time.time()
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode:
        sys.exit(f"{cmd[:3]} failed: {out.stderr[:500]}")
    return out.stdout, time.time() - t


results = {}
text, secs = run([sys.executable, os.path.join(a.repo, "bench/engines/reference_funnel.py"), events,
                  "--stages", a.stages, "--window", str(a.window), "--levels"])
results["reference"] = json.loads(text)
print(f"reference  reach {results['reference']['reach']}  ({secs:.2f} s)")
days = a.window // 86400
win = f"{days}d" if a.window % 86400 == 0 else f"{a.window}s"
text, secs = run([a.journey, "funnel", a.journey_file, "--events", events, "--window", win, "--format", "json"])
jr = [s["reach"] for s in json.loads(text)["stages"]]
print(f"journey    reach {jr}  ({secs:.2f} s)  {'agrees' if jr == results['reference']['reach'] else 'DIFFERS'}")
for name, script, skip in (("postgres", "pg_funnel.py", a.skip_postgres), ("clickhouse", "ch_funnel.py", a.skip_clickhouse)):
    if skip:
        continue
    _, load_s = run([sys.executable, os.path.join(here, script), "load", events, "--table", a.table])
    text, _ = run([sys.executable, os.path.join(here, script), "query", "--table", a.table,
                   "--stages", a.stages, "--window", str(a.window), "--levels"])
    r = json.loads(text)
    ref = results["reference"]["levels"]
    diff = [c for c in set(ref) | set(r["levels"]) if ref.get(c) != r["levels"].get(c)]
    print(f"{name:10} reach {r['reach']}  (load {load_s:.2f} s, query {r['seconds']:.2f} s)  "
          f"customers differing from the reference: {len(diff)} {sorted(diff)[:5]}")
