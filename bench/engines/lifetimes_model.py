#!/usr/bin/env python3
"""The peer of `journey customers --model`: the same fit and P(alive) with `lifetimes`.

    python engines/lifetimes_model.py PURCHASES.csv --as-of YYYY-MM-DD --model bgnbd|mbgnbd \
        --output P_ALIVE.csv

Reads the purchase log (customer_id,timestamp) with pandas, summarises it in days at the as-of
date with lifetimes' summary_data_from_transaction_data (frequency = purchase days − 1, recency
and T in days), fits BetaGeoFitter or ModifiedBetaGeoFitter, and writes customer_id,p_alive for
every customer. Prints the parameters and the log-likelihood in days as JSON on stdout.

lifetimes fits with scipy's BFGS over log-parameters, time scaled so that the largest T is 1;
tol=1e-9 (its default 1e-7 stops a few parts in a million short) keeps it within its own
convergence test on CDNOW (tighter, scipy reports a precision loss and lifetimes refuses the fit).
"""
import argparse
import json
import sys
import warnings

import numpy as np
import pandas as pd
from lifetimes import BetaGeoFitter, ModifiedBetaGeoFitter
from lifetimes.utils import summary_data_from_transaction_data

TOLERANCE = 1e-9


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("purchases")
    parser.add_argument("--as-of", required=True)
    parser.add_argument("--model", choices=("bgnbd", "mbgnbd"), required=True)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()
    warnings.simplefilter("ignore")

    log = pd.read_csv(args.purchases, dtype={"customer_id": str})
    log["timestamp"] = pd.to_datetime(log["timestamp"], utc=True).dt.tz_localize(None)
    summary = summary_data_from_transaction_data(
        log, "customer_id", "timestamp", observation_period_end=args.as_of, freq="D")
    fitter = (BetaGeoFitter if args.model == "bgnbd" else ModifiedBetaGeoFitter)()
    fitter.fit(summary["frequency"], summary["recency"], summary["T"], tol=TOLERANCE)
    alive = fitter.conditional_probability_alive(summary["frequency"], summary["recency"], summary["T"])
    pd.DataFrame({"customer_id": summary.index, "p_alive": np.asarray(alive)}).to_csv(
        args.output, index=False, float_format="%.12g")

    # lifetimes minimises the mean negative log-likelihood in its scaled time; in days, each
    # repeat purchase's density is scale times smaller: subtract x ln(1 / scale) per customer.
    x = summary["frequency"].to_numpy()
    scaled = -fitter._negative_log_likelihood_ * len(summary)
    log_likelihood = scaled + float(x.sum()) * np.log(fitter._scale)
    print(json.dumps({
        "parameters": {name: float(fitter.params_[name]) for name in ("r", "alpha", "a", "b")},
        "logLikelihood": float(log_likelihood),
        "customers": int(len(summary)),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
