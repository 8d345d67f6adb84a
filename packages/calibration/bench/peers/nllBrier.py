"""numpy peer of bench/calibration.bench.ts: negative log-likelihood and Brier
score of N×K probabilities, vectorised, on the probabilities and labels the
bench wrote. No validation (numpy does none). Prints, per repetition, the NLL
time and the Brier time in ms on one line.

usage: python3 nllBrier.py PROBS.f64 LABELS.i32 N K REPS
"""
import sys
import time

import numpy as np

path_p, path_y = sys.argv[1], sys.argv[2]
n, k, reps = map(int, sys.argv[3:6])
p = np.fromfile(path_p, dtype=np.float64).reshape(n, k)
y = np.fromfile(path_y, dtype=np.int32).astype(np.intp)
rows = np.arange(n)


def nll():
    return -np.log(p[rows, y]).mean()


def brier():
    d = p.copy()
    d[rows, y] -= 1.0
    np.multiply(d, d, out=d)
    return d.sum(axis=1).mean()


nll(), brier()  # warm-up
for _ in range(reps):
    t0 = time.perf_counter()
    a = nll()
    t1 = time.perf_counter()
    b = brier()
    t2 = time.perf_counter()
    if not (np.isfinite(a) and np.isfinite(b)):
        raise SystemExit(f"numpy NLL {a}, Brier {b}")
    print((t1 - t0) * 1e3, (t2 - t1) * 1e3)
