#!/usr/bin/env python3
"""Benchmark: `journey render` (layout, SVG, libxml2 validation against the SVG 1.1 DTD,
atomic write) on a generated 1,000-touchpoint journey, for each chart.

    python3 bench/render_benchmark.py [--touchpoints N] [--runs N] [--binary PATH]

It reuses check_benchmark.py's build, generator and measurement (wall time from spawn to
reap, peak RSS from os.wait4), and prints the median and minimum wall time, the peak RSS
and the size of the SVG written, per chart. Figures are in bench/README.md.
"""
import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import check_benchmark as common  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--touchpoints", type=common.positive_int, default=1000)
    parser.add_argument("--runs", type=common.positive_int, default=5)
    parser.add_argument("--binary", type=Path)
    args = parser.parse_args()
    binary = common.check_binary(args.binary) if args.binary else common.build_release()
    with tempfile.TemporaryDirectory(prefix="journey-render-bench-") as folder:
        scratch = Path(folder)
        journey = scratch / f"bench-{args.touchpoints}.journey"
        size, lines = common.generate(journey, args.touchpoints)
        print(f"journey render benchmark: {args.touchpoints} touchpoints, {common.STAGES} stages, "
              f"{size / 1024:.0f} KiB, {lines} lines; {args.runs} runs after 1 warm-up")
        for chart in ("journey", "funnel", "dashboard"):
            output = scratch / f"{chart}.svg"
            argv = [str(binary), "render", "--chart", chart, "-o", str(output), str(journey)]
            common.require_success(common.run_once(argv, scratch), f"{chart} warm-up")
            runs = [common.run_once(argv, scratch) for _ in range(args.runs)]
            for run in runs:
                common.require_success(run, chart)
            walls = [run.wall_s * 1000 for run in runs]
            peak = max(run.maxrss_bytes for run in runs) / (1 << 20)
            print(f"  {chart:<9}  median {statistics.median(walls):7.1f} ms  min {min(walls):7.1f} ms  "
                  f"peak RSS {peak:6.1f} MiB  SVG {output.stat().st_size / 1024:7.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
