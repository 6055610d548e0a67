#!/usr/bin/env python3
"""Generate a large, valid, deterministic journey file for benchmarking.

Usage:
    python3 bench/generate_journey.py [--touchpoints N] [--stages N] [--seed S] [-o PATH]

The same arguments always produce byte-identical output (Python 3.11+,
standard library only). Touchpoints are spread evenly over the stages (the
first ``touchpoints % stages`` stages get one extra).

What the file contains, to give the parser realistic variety:
  * a header: ``journey``, ``scale -5..5``, ``state current``, 4 personas and
    6 channels (one per media kind, some with a description);
  * per stage: ``reach`` (strictly decreasing, sometimes written ``120_000``), ``target``
    on every stage but the last, sometimes an ``owner``, one or two ``event``s;
  * per touchpoint: a quoted, unique name of varying length (some with
    accented letters, escaped quotes ``\\"``, the odd ``\\\\`` or ``#`` inside
    the string), a score in the scale (mostly integers, some ``.5``), always
    ``via`` a declared channel, about 1 in 3 ``measured`` (with or without a
    text), some ``for`` one or two personas, some ``engagement``; clause order
    is occasionally shuffled (the language allows any order);
  * about 1 in 4 touchpoints followed by one to three ``pain``/``idea``/
    ``thought`` lines;
  * comment lines and a few trailing comments.
"""

from __future__ import annotations

import argparse
import random
import sys
from typing import Iterator

SCALE_MIN, SCALE_MAX = -5, 5

PERSONAS = [
    ("giulia", "Giulia, 34, shops on her phone"),
    ("marco", "Marco, 52, buys gifts for the family"),
    ("lea", "Léa, 27, compares prices on her laptop"),
    ("tomasz", None),
]

# (id, media, description) -- one of every media kind, 6 channels in all.
CHANNELS = [
    ("site", "owned", "Shop website and app"),
    ("newsletter", "owned", None),
    ("social_ads", "paid", "Instagram and TikTok ads"),
    ("search", "paid", "Search ads"),
    ("courier", "partner", None),
    ("reviews", "earned", "Trustpilot, forums and word of mouth"),
]

ENGAGEMENT = ["promotion", "relationship", "collaboration", "community", "co-creation"]

STAGE_NAMES = [
    "Awareness",
    "Consideration",
    "Sign-up",
    "First visit",
    "Purchase",
    "Delivery",
    "Unboxing",
    "Returns & exchanges",
    "Support",
    "Loyalty",
]

EVENTS = [
    "ad_view", "reel_view", "search_click", "product_view", "size_guide_open",
    "wishlist_add", "signup_started", "signup_done", "cart_add",
    "checkout_started", "payment_done", "order_shipped", "parcel_delivered",
    "return_requested", "refund_issued", "ticket_opened", "review_posted",
    "repeat_order", "Newsletter-open", "app_install",
]

OWNERS = [
    "Growth team", "Brand & content", "E-commerce squad", "Logistics",
    "Customer care", "CRM — Sofía Núñez", "Payments", "\"Team Zoë\"",
]

VERBS = [
    "Sees", "Opens", "Clicks", "Reads", "Compares", "Scrolls past", "Gets",
    "Searches for", "Saves", "Shares", "Asks about", "Waits for", "Receives",
    "Returns", "Rates", "Skims", "Screenshots", "Forwards", "Checks",
    "Bookmarks", "Complains about", "Likes",
]

OBJECTS = [
    "a reel", "the size guide", "a discount code", "the product page",
    "the \"Buy now\" button", "a review by Zoë", "the crème trench coat",
    "the delivery estimate", "the returns policy", "the naïve FAQ",
    "a push notification", "the cart", "the Müller wool jacket",
    "an email titled \"Your look is waiting\"", "the café-au-lait knit",
    "the checkout form", "a banner", "the tracking page", "the invoice",
    "a chat bubble", "the loyalty points balance", "the outfit builder",
    "the résumé-friendly blazer collection", "a \"20% off\" sticker",
    "the piñata party dress", "the SMS from the courier", "the size S\\M toggle",
    "the app rating prompt", "the unboxing card", "the stylist's note",
    "the façade of the pop-up store", "the Ångström linen shirt",
]

CONTEXTS = [
    "on her phone", "during the lunch break", "after a friend's recommendation",
    "in the café near the office", "while commuting", "late at night",
    "on the tram in São Paulo", "with a crying toddler nearby",
    "between two meetings", "on a slow 3G connection", "at the kitchen table",
    "in the Münster shopping district", "after payday",
    "while the parcel is \"out for delivery\"", "on the sofa",
    "before the weekend in Kraków", "using the old tablet",
    "and gives up halfway", "for the second time", "with dark mode on",
]

MEASURED_TEXTS = [
    "reel views", "click-through rate", "conversions", "NPS", "CSAT",
    "time on page", "open rate", "return rate", "\"add to cart\" events",
    "tickets per 1 000 orders", "sessions", "app_rating",
]

PAINS = [
    "Forced sign-up before paying", "Sizes run small", "Delivery window is too wide",
    "Promo code rejected at checkout", "The page reloads and empties the cart",
    "Return label must be printed — she has no printer",
    "Chat bot answers \"I did not understand\"", "Fees appear only at the last step",
    "Photos don't show the fabric's texture", "Slow", "Confusing",
]
IDEAS = [
    "Offer guest checkout", "Show fit feedback from other buyers",
    "Send a one-hour delivery window by SMS", "Validate codes on the cart page",
    "QR-code returns at the pick-up point", "Hand over to a human after one miss",
    "Show the total price on the product page", "Add close-up and video shots",
    "Pre-fill the address from the last order", "Save_cart_server_side",
]
THOUGHTS = [
    "\"Is this worth it?\"", "She wonders if the colour is right",
    "Maybe I'll wait for the sale", "Finally!", "Why do they need my birthday?",
    "This looks just like the one Chiara wore", "Où est mon colis ?",
    "Hmm", "I'll tell my sister about this", "Too many emails lately",
]

TRAILING_COMMENTS = [
    "# from the 2024 diary study", "# TODO: verify with analytics",
    "# seen in 3 of 12 interviews", "# assumption, not measured yet",
]


def quote(text: str) -> str:
    """Quote TEXT as a journey string literal (only \\" and \\\\ are escaped)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def text_arg(rng: random.Random, text: str) -> str:
    """Emit TEXT bare when it is a bare word (and the dice say so), else quoted."""
    if is_bare_word(text) and rng.random() < 0.5:
        return text
    return quote(text)


def is_bare_word(text: str) -> bool:
    return bool(text) and all(c.isascii() and (c.isalnum() or c in "-_") for c in text)


def format_score(value: float) -> str:
    if value == int(value):
        n = int(value)
        return f"+{n}" if n > 0 else str(n)  # "+3", "0", "-2"
    return f"{value:.1f}"  # "1.5", "-2.5"


def format_count(n: int, rng: random.Random) -> str:
    return f"{n:_}" if rng.random() < 0.5 else str(n)


def touchpoint_name(rng: random.Random, index: int) -> str:
    roll = rng.random()
    if roll < 0.04:
        # A '#' inside a string must not start a comment.
        return f"Gets the confirmation for order #{rng.randint(10_000, 99_999)}"
    parts = [rng.choice(VERBS), rng.choice(OBJECTS)]
    # 0 to 3 context phrases: names from ~10 to ~130 characters.
    parts.extend(rng.sample(CONTEXTS, rng.choice((0, 0, 1, 1, 1, 2, 3))))
    name = " ".join(parts)
    if rng.random() < 0.02:
        name = name + " (step " + str(index % 7 + 1) + ")"
    return name


def stage_names(count: int) -> list[str]:
    names = []
    for i in range(count):
        base = STAGE_NAMES[i % len(STAGE_NAMES)]
        lap = i // len(STAGE_NAMES)
        names.append(base if lap == 0 else f"{base} {lap + 1}")
    return names


def generate(touchpoints: int = 100_000, stages: int = 10, seed: int = 1) -> Iterator[str]:
    """Yield the lines (without newline) of a journey file."""
    if touchpoints < 0:
        raise ValueError("touchpoints must be >= 0")
    if stages < 1:
        raise ValueError("stages must be >= 1")
    rng = random.Random(seed)

    yield f"# Generated by bench/generate_journey.py --touchpoints {touchpoints} --stages {stages} --seed {seed}"
    yield "# Do not edit: regenerate instead."
    yield f"journey {quote(f'Dressmate — first order (benchmark, {touchpoints} touchpoints)')}"
    yield f"scale {SCALE_MIN}..{SCALE_MAX}"
    yield "state current"
    yield ""
    for pid, desc in PERSONAS:
        yield f"persona {pid}" + (f" {quote(desc)}" if desc else "")
    for cid, media, desc in CHANNELS:
        yield f"channel {cid} {media}" + (f" {quote(desc)}" if desc else "")

    channel_ids = [c[0] for c in CHANNELS]
    persona_ids = [p[0] for p in PERSONAS]
    base, extra = divmod(touchpoints, stages)
    funnel = rng.randint(120_000, 250_000)
    name_counts: dict[str, int] = {}  # name -> times generated, to keep names unique
    index = 0

    for s, sname in enumerate(stage_names(stages)):
        yield ""
        yield f"# --- stage {s + 1} of {stages} ---"
        yield f"stage {text_arg(rng, sname)}"
        if s > 0:
            funnel = int(funnel * rng.uniform(0.55, 0.9))
        # funnel never grows and (stages - s) always shrinks, so reach strictly
        # decreases and stays >= 1 whatever the number of stages.
        yield f"  reach {format_count(funnel + stages - s, rng)}"
        if s < stages - 1:
            if rng.random() < 0.3:
                yield f"  target {rng.randint(1, 199) / 2:.1f}%"
            else:
                yield f"  target {rng.randint(1, 90)}%"
        if rng.random() < 0.5:
            yield f"  owner {quote(rng.choice(OWNERS))}"
        for ev in rng.sample(EVENTS, rng.choice((1, 1, 2))):
            yield f"  event {text_arg(rng, ev)}"

        mood = rng.uniform(-2.0, 3.0)  # stages differ in how they feel
        for _ in range(base + (1 if s < extra else 0)):
            index += 1
            name = touchpoint_name(rng, index)
            seen = name_counts.get(name, 0) + 1
            name_counts[name] = seen
            if seen > 1:
                name = f"{name} ({seen})"  # natural names never end in "(N)"

            score = max(SCALE_MIN, min(SCALE_MAX, round(rng.gauss(mood, 2.0))))
            if rng.random() < 0.125:
                score = score + 0.5 if score < SCALE_MAX else score - 0.5

            clauses = [f"via {rng.choice(channel_ids)}"]
            if rng.random() < 1 / 3:
                r = rng.random()
                if r < 0.4:
                    clauses.append("measured")
                else:
                    clauses.append(f"measured {text_arg(rng, rng.choice(MEASURED_TEXTS))}")
            if rng.random() < 0.4:
                who = rng.sample(persona_ids, rng.choice((1, 1, 1, 2)))
                clauses.append("for " + ",".join(who))
            if rng.random() < 0.3:
                clauses.append(f"engagement {rng.choice(ENGAGEMENT)}")
            if len(clauses) > 1 and rng.random() < 0.1:
                rng.shuffle(clauses)

            line = f"  touchpoint {quote(name)} {format_score(score)} " + " ".join(clauses)
            if rng.random() < 0.02:
                line += "  " + rng.choice(TRAILING_COMMENTS)
            yield line

            if rng.random() < 0.25:
                for _ in range(rng.randint(1, 3)):
                    kind = rng.choice(("pain", "idea", "thought"))
                    pool = PAINS if kind == "pain" else IDEAS if kind == "idea" else THOUGHTS
                    yield f"    {kind} {text_arg(rng, rng.choice(pool))}"


def render(touchpoints: int = 100_000, stages: int = 10, seed: int = 1) -> bytes:
    """The whole file as UTF-8 bytes (LF line endings, trailing newline)."""
    return ("\n".join(generate(touchpoints, stages, seed)) + "\n").encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate a deterministic benchmark journey file.")
    parser.add_argument("--touchpoints", type=int, default=100_000, metavar="N",
                        help="number of touchpoints (default: 100000)")
    parser.add_argument("--stages", type=int, default=10, metavar="N",
                        help="number of stages (default: 10)")
    parser.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default: 1)")
    parser.add_argument("-o", "--output", metavar="PATH",
                        help="write to PATH instead of stdout")
    args = parser.parse_args(argv)
    if args.touchpoints < 0:
        parser.error("--touchpoints must be >= 0")
    if args.stages < 1:
        parser.error("--stages must be >= 1")

    data = render(args.touchpoints, args.stages, args.seed)
    if args.output and args.output != "-":
        with open(args.output, "wb") as f:
            f.write(data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
