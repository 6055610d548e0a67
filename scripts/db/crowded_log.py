#!/usr/bin/env python3
"""A tie-heavy event log for the database probes: CUSTOMERS customers whose 1..12 events
(five stages a..e of bench/funnel.journey's names, plus noise) crowd into SPAN seconds, rows
in random order, so that equal timestamps, window edges and restarts are everywhere.
    crowded_log.py OUT.csv [--customers 20000] [--span 21] [--seed 1]"""
import argparse
import random
import time

NAMES = ["ad_click", "product_view", "add_to_cart", "checkout_started", "order_placed", "page_view"]
p = argparse.ArgumentParser()
p.add_argument("out")
p.add_argument("--customers", type=int, default=20000)
p.add_argument("--span", type=int, default=21)
p.add_argument("--seed", type=int, default=1)
a = p.parse_args()
rng = random.Random(a.seed)
t0 = 1772236790  # 2026-02-27T23:59:50Z
rows = []
for c in range(a.customers):
    for _ in range(rng.randint(1, 12)):
        s = t0 + rng.randint(0, a.span)
        rows.append(f"k{c:06d},{time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime(s))},{rng.choice(NAMES)}\n")
rng.shuffle(rows)
with open(a.out, "w") as f:
    f.write("customer_id,timestamp,event\n" + "".join(rows))
