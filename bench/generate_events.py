#!/usr/bin/env python3
"""Write a deterministic event log (CSV) for the `journey funnel` benchmark.

Usage:
    python3 bench/generate_events.py [--events N] [--seed S] [--days D] [-o FILE]
                                     [--summary-json FILE]

The log has the header `customer_id,timestamp,event,device` and exactly N rows:

    cus_9e3779b1,2026-01-01T00:00:07Z,ad_click,web

- `customer_id`: `cus_` and 8 lowercase hex digits (a bijection of the customer
  number, so ids are unique and look random).
- `timestamp`: ISO 8601 in UTC with a `Z`, second precision.
- `event`: one of the stage events of bench/funnel.journey (STAGES below) or a
  noise event that belongs to no stage (NOISE).
- `device`: web, ios or android (parsed and ignored by every engine).

Row order is the order a collector would have received them: by *arrival*
time, which is the event time for most rows and up to 24 hours later for about
3% of the mobile rows (offline phones that sync later). So the file is neither
sorted by customer nor strictly sorted by timestamp, and a customer's rows are
spread over the whole file. Rows of one customer in the same second come in
stage order for half of the customers and in reverse order for the other half.

What is in it, per customer (probabilities per attempt, tuned so that the reach
drops by roughly 30-60% from one stage to the next):
- one or more attempts (about 35% of customers come back, each return is a new
  stage-1 event days later); about 12% of attempts start with two stage-1
  events a few seconds apart (an ad click, then the landing page);
- from each stage to the next with probability P_NEXT; the step takes seconds
  to minutes (about 66%), hours to days (about 24%), 10 to 25 days (about 5%:
  chains that complete only outside the 14-day window), the same second as the
  previous stage (about 4%: ties), or lands exactly on the 14-day boundary of
  the chain's start, one second before or one second after (about 1%);
- repeats of a stage's event (more product views, a second checkout event);
- about 6% of customers have a stray later-stage event with no attempt before
  it (an order placed from a bookmark), and about 6% have only noise events;
- noise events (page views, searches, logins, ...) near the customer's other
  events, about 30% of all rows.

The same arguments always give a byte-identical file: everything comes from
one `random.Random(seed)`. Standard library only; 10 million rows take about
half a minute and about 800 MiB of memory (the rows are sorted in memory).
"""

from __future__ import annotations

import argparse
import calendar
import json
import random
import sys
import time
from array import array

# The stages of bench/funnel.journey, in funnel order, with their event names.
STAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Discover", ("ad_click", "landing_view")),
    ("Browse", ("product_view",)),
    ("Cart", ("add_to_cart",)),
    ("Checkout", ("checkout_started", "payment_info_added")),
    ("Purchase", ("order_placed",)),
)
# Events that belong to no stage. Some look like stage events on purpose.
NOISE: tuple[str, ...] = (
    "page_view", "search", "login", "app_open", "cart_view", "wishlist_add",
    "newsletter_open", "support_chat", "review_read", "order_status_view",
)
EVENTS: tuple[str, ...] = tuple(e for _, names in STAGES for e in names) + NOISE
CODE = {name: i for i, name in enumerate(EVENTS)}
DEVICES = ("web", "ios", "android")

WINDOW_S = 14 * 86400           # the conversion window the boundary cases aim at
P_NEXT = (0.50, 0.45, 0.55, 0.60)  # per attempt: stage k -> k+1
P_RETURN = 0.35                 # chance of one more attempt (geometric)
MAX_ATTEMPTS = 6
NOISE_PER_FUNNEL_EVENT = 0.40   # gives about 30% noise rows overall
START = "2025-12-30T00:00:00Z"  # midnight UTC, so day prefixes line up; customers arrive from
MARGIN_S = 2 * 86400            # 2026-01-01, two days later, so early strays and noise stay after START
TIME_BITS = 27                  # arrival offsets below 2**27 s (about 4.2 years)


def customer_id(n: int) -> str:
    # Multiplying by an odd constant modulo 2**32 is a bijection: unique, random-looking ids.
    return f"cus_{(n * 0x9E3779B1) & 0xFFFFFFFF:08x}"


def generate(n_events: int, seed: int, days: int):
    """Return (sorted keys, idx bits, ts array, code*4+device array, customer array, stats)."""
    rng = random.Random(seed)
    rand, expo, randrange = rng.random, rng.expovariate, rng.randrange
    span = days * 86400
    ts_a, cd_a, cu_a = array("q"), array("B"), array("l")
    keys: list[float] = []
    idx_bits = max(1, (n_events - 1).bit_length())
    if idx_bits + TIME_BITS > 53:
        raise SystemExit(f"--events {n_events} is too many for the float sort keys (max 2**26)")
    time_limit = 1 << TIME_BITS
    scale = float(1 << idx_bits)

    s1a, s1b = CODE["ad_click"], CODE["landing_view"]
    stage_code = [CODE[names[0]] for _, names in STAGES]
    payment = CODE["payment_info_added"]
    first_noise = CODE[NOISE[0]]
    n_noise_names = len(NOISE)
    ties = boundary = late = long_steps = noise_rows = customers = 0

    n = 0
    while n < n_events:
        c = customers
        customers += 1
        evs: list[tuple[int, int]] = []
        add = evs.append
        base = MARGIN_S + int(rand() * span)
        r = rand()
        if r < 0.06:
            # Only noise: a logged-in customer who never entered the funnel.
            t = base
            for _ in range(1 + randrange(4)):
                t += randrange(3600)
                add((t, first_noise + randrange(n_noise_names)))
        else:
            attempts = 1
            while attempts < MAX_ATTEMPTS and rand() < P_RETURN:
                attempts += 1
            start = base
            for a in range(attempts):
                if a:
                    start += 60 + int(expo(1.0 / (6 * 86400)))
                add((start, s1a if rand() < 0.6 else s1b))
                if rand() < 0.12:
                    add((start + randrange(6), s1b))  # ad click, then the landing page: a new attempt
                cur = start
                for k in range(1, 5):
                    if rand() >= P_NEXT[k - 1]:
                        break
                    r = rand()
                    if r < 0.04:
                        d = 0
                        ties += 1
                    elif r < 0.70:
                        d = 1 + int(expo(1.0 / 900))
                    elif r < 0.94:
                        d = int(expo(1.0 / (1.5 * 86400)))
                    elif r < 0.99:
                        d = 10 * 86400 + randrange(15 * 86400)
                        long_steps += 1
                    else:
                        # Exactly on the window's edge, or one second either side of it.
                        d = max(0, start + WINDOW_S + randrange(3) - 1 - cur)
                        boundary += 1
                    cur += d
                    code = stage_code[k]
                    add((cur, code))
                    r = rand()
                    if r < 0.25:
                        # Repeats: another view of the same product, a payment step after checkout.
                        add((cur + 1 + randrange(1800), payment if k == 3 else code))
                        if r < 0.08:
                            add((cur + 1 + randrange(7200), code))
            if rand() < 0.06:
                # A stray later-stage event with no chain before it.
                add((base - 1 - randrange(86400), stage_code[1 + randrange(4)]))
            funnel = len(evs)
            k = int(funnel * NOISE_PER_FUNNEL_EVENT + rand())
            noise_rows += k
            for _ in range(k):
                t = evs[randrange(funnel)][0] + randrange(7200) - 3600
                add((t, first_noise + randrange(n_noise_names)))
        if rand() < 0.5:
            evs.reverse()  # ties in the same second: stage order for some customers, reverse for others
        dev = randrange(3)
        multi = rand() < 0.15
        for t, code in evs:
            d = (dev + (t // 86400) % 2) % 3 if multi else dev
            arrival = t
            if d and rand() < 0.03:
                arrival = t + 60 + randrange(86400 - 60)
                late += 1
            if arrival >= time_limit:
                raise SystemExit("an event fell outside the time range of the sort keys")
            keys.append(arrival * scale + n)
            ts_a.append(t)
            cd_a.append(code * 4 + d)
            cu_a.append(c)
            n += 1
            if n == n_events:
                break
    # The last customer may have been cut short at exactly n_events rows; that is fine.
    keys.sort()
    stats = {"customers": customers, "ties": ties, "boundary_steps": boundary,
             "long_steps": long_steps, "late_rows": late, "noise_rows_planned": noise_rows}
    return keys, idx_bits, ts_a, cd_a, cu_a, stats


def write(out, keys, idx_bits, ts_a, cd_a, cu_a, customers: int) -> dict:
    base = calendar.timegm(time.strptime(START, "%Y-%m-%dT%H:%M:%SZ"))
    max_day = max(ts_a) // 86400 + 2 if len(ts_a) else 1
    day_prefix = [time.strftime("%Y-%m-%dT", time.gmtime(base + d * 86400)) for d in range(max_day)]
    hms = [f"{h:02d}:{m:02d}:{s:02d}Z," for h in range(24) for m in range(60) for s in range(60)]
    cid = [customer_id(c) + "," for c in range(customers)]
    suffix = [f"{ev},{dv}\n" for ev in EVENTS for dv in DEVICES + ("?",)]
    mask = (1 << idx_bits) - 1
    n_stage = sum(len(names) for _, names in STAGES)
    out.write("customer_id,timestamp,event,device\n")
    step = 1 << 18
    for start in range(0, len(keys), step):
        idx = [int(k) & mask for k in keys[start:start + step]]
        out.write("".join([f"{cid[cu_a[i]]}{day_prefix[ts_a[i] // 86400]}{hms[ts_a[i] % 86400]}{suffix[cd_a[i]]}"
                           for i in idx]))
    # Count the noise rows: map every code*4+device byte to 1 if it is a noise event, else 0.
    table = bytes(1 if cd >> 2 >= n_stage else 0 for cd in range(256))
    return {"noise_rows": cd_a.tobytes().translate(table).count(1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a deterministic event log for the funnel benchmark.")
    parser.add_argument("--events", type=int, default=1_000_000, metavar="N",
                        help="rows to write, header excluded (default: 1000000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    parser.add_argument("--days", type=int, default=90,
                        help="days over which customers arrive (default: 90)")
    parser.add_argument("-o", "--output", metavar="FILE", help="output file (default: standard output)")
    parser.add_argument("--summary-json", metavar="FILE", help="also write a summary of the log as JSON")
    args = parser.parse_args(argv)
    if args.events < 1 or args.days < 1:
        parser.error("--events and --days must be >= 1")

    started = time.perf_counter()
    keys, idx_bits, ts_a, cd_a, cu_a, stats = generate(args.events, args.seed, args.days)
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="\n") as out:
            stats.update(write(out, keys, idx_bits, ts_a, cd_a, cu_a, stats["customers"]))
    else:
        stats.update(write(sys.stdout, keys, idx_bits, ts_a, cd_a, cu_a, stats["customers"]))
        sys.stdout.flush()
    elapsed = time.perf_counter() - started
    summary = {"events": args.events, "seed": args.seed, "days": args.days,
               "stages": [{"name": n, "events": list(e)} for n, e in STAGES],
               "noise_events": list(NOISE), **stats,
               "noise_share": round(stats["noise_rows"] / args.events, 4),
               "seconds": round(elapsed, 2)}
    del summary["noise_rows_planned"]
    if args.summary_json:
        with open(args.summary_json, "w", encoding="utf-8") as f:
            json.dump(summary, f, indent=2)
            f.write("\n")
    print(f"generated {args.events} events, {stats['customers']} customers, "
          f"{summary['noise_share']:.1%} noise, in {elapsed:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
