#!/usr/bin/env python3
"""Write a deterministic purchase log (CSV) for the `journey customers` benchmark.

Usage:
    python3 bench/generate_purchases.py [--rows N] [--customers M] [--seed S] [--date-only]
                                        [--no-amount] [-o FILE] [--summary-json FILE]

The log has the header `customer_id,timestamp,amount` and exactly N rows, one order a row,
by exactly M customers:

    cus_9e3779b1,2024-01-01T09:14:07Z,31.90

- `customer_id`: `cus_` and 8 lowercase hex digits (a bijection of the customer number, so
  ids are unique and look random), as in bench/generate_events.py.
- `timestamp`: ISO 8601 in UTC with a `Z`, second precision; with `--date-only`, the date
  alone (`2024-01-01`), as many shops export orders.
- `amount`: the order's value, two decimals (about 30 at the median, a long tail above);
  left out with `--no-amount`.

The rows are in time order, as a shop's order export would be, over 547 days (18 months,
2024-01-01 to 2025-06-30). What is in it:
- about 55% of customers buy once (a single order on a day uniform over the period);
- the others are repeat buyers whose number of orders has a long tail (lognormal weights),
  so that the log has N rows in all: with the defaults, 10 orders a customer on average,
  about 21 per repeat buyer, a few thousand for the heaviest (resellers);
- about 8% of a repeat buyer's orders fall on the same day as the one before (a forgotten
  item), so purchase days are fewer than orders; a customer with more orders than the
  period has days orders several times a day;
- each repeat buyer has a rhythm of their own: a usual gap between purchase days (lognormal,
  median 30 days, shorter for those with many orders to fit them in), with each gap varying
  around it (a gamma distribution, coefficient of variation about 0.6);
- about 35% of repeat buyers have stopped: their last purchase is 2.5 or more of their gaps
  before the end of the period; the others bought within about one gap of it.

The same arguments always give a byte-identical file: everything comes from one
`random.Random(seed)` (and a second one, from the same seed, for the amounts). Standard library
only; 10 million rows take about a minute of CPU time and 190 MiB of memory (the rows are kept
as one 8-byte key each, bucketed by day, and sorted a day at a time).
"""

from __future__ import annotations

import argparse
import calendar
import json
import math
import random
import statistics
import sys
import time
from array import array

START = "2024-01-01"
DAYS = 547  # 2024-01-01 to 2025-06-30: 18 months
ONE_TIME_SHARE = 0.55
REPEAT_WEIGHT_SIGMA = 1.2  # lognormal sigma of a repeat buyer's share of the extra orders
SAME_DAY_ORDER = 0.08  # chance that an order falls on the day of the one before
GAP_MEDIAN_DAYS = 30.0
GAP_SIGMA = 0.7
GAP_SHAPE = 3  # gamma shape of each gap around the rhythm: coefficient of variation 1/sqrt(3)
STOPPED_SHARE = 0.35
SECONDS_BITS = 17  # seconds of the day, below 2**17


def customer_id(n: int) -> str:
    # Multiplying by an odd constant modulo 2**32 is a bijection: unique, random-looking ids.
    return f"cus_{(n * 0x9E3779B1) & 0xFFFFFFFF:08x}"


def orders_per_customer(rows: int, customers: int, rng: random.Random) -> tuple[array, int]:
    """Each customer's number of orders, summing to `rows` exactly, and the one-time buyers."""
    one_time = max(round(customers * ONE_TIME_SHARE), 2 * customers - rows)
    one_time = min(one_time, customers)
    if customers - one_time == 1:  # one repeat buyer alone could not take every row; keep it simple
        one_time = customers if rows == customers else customers - 1
    repeat = customers - one_time
    counts = array("l", [1]) * customers
    if repeat == 0:
        return counts, one_time
    extra = rows - one_time - 2 * repeat  # orders beyond each repeat buyer's first two
    weights = [math.exp(rng.gauss(0.0, REPEAT_WEIGHT_SIGMA)) for _ in range(repeat)]
    total = sum(weights)
    shares = [extra * w / total for w in weights]
    given = [int(s) for s in shares]
    # Largest remainders get the rows that flooring left over, so the sum is exact.
    left = extra - sum(given)
    for i in sorted(range(repeat), key=lambda i: given[i] - shares[i])[:left]:
        given[i] += 1
    # Repeat buyers are spread among the customer numbers, not the first ones.
    order = list(range(customers))
    rng.shuffle(order)
    for i, c in enumerate(order[:repeat]):
        counts[c] = 2 + given[i]
    return counts, one_time


def purchase_days(orders: int, rng: random.Random) -> tuple[list[int], bool]:
    """A repeat buyer's purchase days (ascending, distinct, 0..DAYS-1) and whether they stopped."""
    rand = rng.random
    days = 1 + sum(1 for _ in range(orders - 1) if rand() >= SAME_DAY_ORDER)
    days = max(2, min(days, DAYS - 1))
    # The rhythm: their own usual gap, shortened when their purchase days would not fit the period.
    gap = math.exp(math.log(GAP_MEDIAN_DAYS) + rng.gauss(0.0, GAP_SIGMA))
    gap = max(1.0, min(gap, (DAYS - 1) / (days - 1) * (0.6 + 0.4 * rand())))
    stopped = rand() < STOPPED_SHARE
    idle = gap * (2.5 + rng.expovariate(0.5)) if stopped else gap * 1.1 * rand()
    span = (days - 1) * gap
    # A rhythm that started before the period: it is seen from the period's start.
    last = max(DAYS - 1 - int(idle), int(span))
    first = last - int(span)
    # Gaps vary around the rhythm: gamma(GAP_SHAPE) draws, scaled to the span.
    draws = [-math.log((1.0 - rand()) * (1.0 - rand()) * (1.0 - rand())) for _ in range(days - 1)]
    scale = (last - first) / sum(draws)
    result = [first]
    position = float(first)
    for draw in draws:
        position += draw * scale
        result.append(int(position + 0.5))
    # Distinct days: push forward where rounding made two equal, then back from the last.
    for i in range(1, days):
        if result[i] <= result[i - 1]:
            result[i] = result[i - 1] + 1
    result[-1] = last
    for i in range(days - 2, -1, -1):
        if result[i] >= result[i + 1]:
            result[i] = result[i + 1] - 1
    return result, stopped


def generate(rows: int, customers: int, seed: int) -> tuple[list[array], dict]:
    """The rows, bucketed by day: (second of the day << customer bits) | customer."""
    rng = random.Random(seed)
    rand, randrange = rng.random, rng.randrange
    day_limit = float(DAYS)
    bits = max(1, (customers - 1).bit_length())
    buckets = [array("Q") for _ in range(DAYS)]
    counts, one_time = orders_per_customer(rows, customers, rng)
    stopped = most_orders = 0
    for c in range(customers):
        orders = counts[c]
        if orders == 1:
            buckets[int(rand() * day_limit)].append(int(rand() * 86400.0) << bits | c)
            continue
        most_orders = max(most_orders, orders)
        days, has_stopped = purchase_days(orders, rng)
        stopped += has_stopped
        # One order on each purchase day, the others on days drawn among them.
        placed = list(days)
        placed += [days[randrange(len(days))] for _ in range(orders - len(days))]
        for day in placed:
            buckets[day].append(int(rand() * 86400.0) << bits | c)
    stats = {"customers": customers, "one_time_buyers": one_time, "repeat_buyers": customers - one_time,
             "stopped_repeat_buyers": stopped, "most_orders": most_orders}
    return buckets, stats


def write(out, buckets: list[array], customers: int, seed: int, date_only: bool, amount: bool) -> None:
    bits = max(1, (customers - 1).bit_length())
    mask = (1 << bits) - 1
    rng = random.Random(seed * 7919 + 1)  # amounts: their own stream, drawn in file order
    draw = rng.getrandbits
    # Amounts: 4,096 quantiles of a lognormal (median about 30, a long tail), one drawn per order.
    normal = statistics.NormalDist(3.4, 0.6)
    amounts = [f",{math.exp(normal.inv_cdf((k + 0.5) / 4096)):.2f}\n" for k in range(4096)]
    if not amount:
        amounts = ["\n"] * 4096
    base = calendar.timegm(time.strptime(START, "%Y-%m-%d"))
    out.write("customer_id,timestamp,amount\n" if amount else "customer_id,timestamp\n")
    hms = [f"T{h:02d}:{m:02d}:{s:02d}Z" for h in range(24) for m in range(60) for s in range(60)]
    if date_only:
        hms = [""] * 86400
    # Ids are made once when they fit in memory (up to 4 M customers: about 300 MiB), else per row.
    ids = [customer_id(c) + "," for c in range(customers)] if customers <= 4_000_000 else None
    for day, bucket in enumerate(buckets):
        date = time.strftime("%Y-%m-%d", time.gmtime(base + day * 86400))
        keys = sorted(bucket)
        if ids is not None:
            lines = [f"{ids[k & mask]}{date}{hms[k >> bits]}{amounts[draw(12)]}" for k in keys]
        else:
            lines = [f"{customer_id(k & mask)},{date}{hms[k >> bits]}{amounts[draw(12)]}" for k in keys]
        out.write("".join(lines))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a deterministic purchase log for the customers benchmark.")
    parser.add_argument("--rows", type=int, default=10_000_000, metavar="N",
                        help="orders to write, header excluded (default: 10000000)")
    parser.add_argument("--customers", type=int, default=1_000_000, metavar="M",
                        help="customers who place them, at most N (default: 1000000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    parser.add_argument("--date-only", action="store_true", help="write the date alone, 2024-01-01")
    parser.add_argument("--no-amount", action="store_true", help="leave the amount column out")
    parser.add_argument("-o", "--output", metavar="FILE", help="output file (default: standard output)")
    parser.add_argument("--summary-json", metavar="FILE", help="also write a summary of the log as JSON")
    args = parser.parse_args(argv)
    if args.customers < 1 or args.rows < args.customers:
        parser.error("--customers must be >= 1 and --rows >= --customers")
    if args.customers > 1 << 32:
        parser.error("--customers must be at most 2**32 (the ids have 8 hex digits)")

    started = time.perf_counter()
    buckets, stats = generate(args.rows, args.customers, args.seed)
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="\n") as out:
            write(out, buckets, args.customers, args.seed, args.date_only, not args.no_amount)
    else:
        write(sys.stdout, buckets, args.customers, args.seed, args.date_only, not args.no_amount)
        sys.stdout.flush()
    elapsed = time.perf_counter() - started
    summary = {"rows": args.rows, "seed": args.seed, "start": START, "days": DAYS,
               "date_only": args.date_only, **stats, "seconds": round(elapsed, 2)}
    if args.summary_json:
        with open(args.summary_json, "w", encoding="utf-8") as f:
            json.dump(summary, f, indent=2)
            f.write("\n")
    print(f"generated {args.rows} orders by {args.customers} customers "
          f"({stats['one_time_buyers']} buying once) in {elapsed:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
