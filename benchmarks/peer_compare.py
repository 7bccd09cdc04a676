#!/usr/bin/env python3
"""Do Interlock and the NumPy peer agree on the reference scenario's reported figures? (issue 8, item 5)

Usage: peer_compare.py --reference-dir DIR --numpy-csv FILE --interlock-csv FILE --trials N --seed S --json OUT

Inputs: the CSV that reference.py wrote (mean, sd, P10, P50, P90 of 11 metrics at months 1, 6, 12, 24, 36,
48, 60) and Interlock's monthly.csv for the same trial count. Because a P10 alone says nothing about how
far apart two P10s may honestly be, the script also re-runs reference.simulate(N, S) in-process (same
seed, so the same numbers: it checks that its percentiles equal the CSV's) to get the NumPy sample itself.

Tests, each at 4 standard errors of the difference of two independent Monte Carlo estimates:
  mean  |m_I - m_N| <= 4 sqrt(sd_I^2/n_I + sd_N^2/n_N)
  sd    |s_I - s_N| <= 4 sqrt(2) SE(s),  SE(s) = sqrt(m4 - s^4) / (2 s sqrt(n)) from the NumPy sample
        (valid for any distribution with a fourth moment, not only the normal)
  pXX   distribution-free: the NumPy sample's empirical CDF at Interlock's value must lie within
        q +- 4 sqrt(2 q (1 - q) / n), i.e. Interlock's value lies in [Q_N(q - d), Q_N(q + d)] (order
        statistics of the NumPy sample, 'lower'/'higher'), widened by Interlock's documented quantile
        error: the sketch's 0.5 % relative accuracy, plus 0.5 for count metrics, which Interlock rounds
        to whole numbers (NumPy interpolates between order statistics).
A single test at 4 SE fails by chance with probability about 6e-5; over the 11 x 7 x 5 = 385 tests the
chance of any false alarm is about 2.5 %.
"""
import argparse
import csv
import json
import math
import sys
import time

import numpy as np

# reference.py metric -> (Interlock metric key, count metric?)
METRICS = {
    "leads": ("leads", True), "qualified": ("qualified", True), "worked": ("worked", True),
    "wins": ("wins", True), "closes": ("closes", True), "backlog": ("onboarding_backlog", True),
    "golives": ("go_lives", True), "active": ("active_customers", True), "mrr": ("mrr", False),
    "profit": ("profit", False), "cum_profit": ("cumulative_profit", False),
}
MONTHS = (1, 6, 12, 24, 36, 48, 60)
LEVELS = {"p10": 0.10, "p50": 0.50, "p90": 0.90}
K = 4.0
SKETCH_RELATIVE_ACCURACY = 0.005


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reference-dir", required=True)
    ap.add_argument("--numpy-csv", required=True)
    ap.add_argument("--interlock-csv", required=True)
    ap.add_argument("--trials", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", required=True)
    a = ap.parse_args(argv)

    sys.path.insert(0, a.reference_dir)
    import reference  # noqa: E402  (the peer itself, unmodified)

    t0 = time.perf_counter()
    sample = reference.simulate(a.trials, a.seed)
    resim_seconds = time.perf_counter() - t0
    n = a.trials

    numpy_rows = {(r["metric"], int(r["month"])): r for r in read_csv(a.numpy_csv)}
    inter_rows = {(r["metric"], int(r["month"])): r for r in read_csv(a.interlock_csv)}

    tests = []
    for name, (key, integer) in METRICS.items():
        for month in MONTHS:
            col = np.asarray(sample[name][:, month - 1], dtype=float)
            nr = numpy_rows[(name, month)]
            ir = inter_rows[(key, month)]
            # the re-run must be the run that wrote the CSV
            for lvl, q in LEVELS.items():
                again = float(f"{np.percentile(col, 100 * q):.6g}")
                if not math.isclose(again, float(nr[lvl]), rel_tol=1e-9, abs_tol=1e-9):
                    raise SystemExit(f"re-run differs from reference.py's CSV: {name} month {month} {lvl}")
            mn, sn = col.mean(), col.std(ddof=1)
            mi, si = float(ir["mean"]), float(ir["sd"])
            ni = n
            # mean
            se = math.sqrt(si * si / ni + sn * sn / n)
            tests.append(dict(metric=key, month=month, figure="mean", interlock=mi, numpy=mn, lo=mn - K * se,
                              hi=mn + K * se, z=(mi - mn) / se if se > 0 else (0.0 if mi == mn else math.inf)))
            # sd
            m4 = float(np.mean((col - mn) ** 4))
            se_s = math.sqrt(max(m4 - sn ** 4, 0.0) / n) / (2 * sn) if sn > 0 else 0.0
            tol = K * math.sqrt(2) * se_s + 1e-9 * max(1.0, abs(sn))
            tests.append(dict(metric=key, month=month, figure="sd", interlock=si, numpy=sn, lo=sn - tol, hi=sn + tol,
                              z=(si - sn) / (math.sqrt(2) * se_s) if se_s > 0 else (0.0 if abs(si - sn) <= tol else math.inf)))
            # percentiles
            for lvl, q in LEVELS.items():
                vi = float(ir[lvl])
                d = K * math.sqrt(2 * q * (1 - q) / n)
                lo = float(np.quantile(col, max(0.0, q - d), method="lower"))
                hi = float(np.quantile(col, min(1.0, q + d), method="higher"))
                slack = SKETCH_RELATIVE_ACCURACY * abs(vi) + (0.5 if integer else 0.0) + 1e-9
                # where Interlock's value sits in the NumPy sample, in standard errors of q
                # (0 when q lies within the atom of the sample at that value)
                f_lo, f_hi = float(np.mean(col < vi)), float(np.mean(col <= vi))
                f = f_lo if f_lo > q else f_hi if f_hi < q else q
                z = (f - q) / math.sqrt(2 * q * (1 - q) / n)
                tests.append(dict(metric=key, month=month, figure=lvl, interlock=vi, numpy=float(nr[lvl]),
                                  lo=lo - slack, hi=hi + slack, z=z))
    for t in tests:
        t["ok"] = bool(t["lo"] <= t["interlock"] <= t["hi"])
    failed = [t for t in tests if not t["ok"]]
    result = dict(trials=n, seed=a.seed, k=K, tests=len(tests), failed=len(failed),
                  max_abs_z_mean=max(abs(t["z"]) for t in tests if t["figure"] == "mean"),
                  numpy_rerun_seconds=resim_seconds, rows=tests)
    with open(a.json, "w") as f:
        json.dump(result, f, indent=1)
    print(f"peer agreement: {len(tests) - len(failed)}/{len(tests)} figures within {K:g} SE "
          f"(max |z| of means {result['max_abs_z_mean']:.2f})")
    for t in failed:
        print(f"  OUTSIDE: {t['metric']} month {t['month']} {t['figure']}: Interlock {t['interlock']:.6g}, "
              f"NumPy {t['numpy']:.6g}, band [{t['lo']:.6g}, {t['hi']:.6g}]")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
