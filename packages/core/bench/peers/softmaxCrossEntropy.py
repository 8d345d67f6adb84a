"""numpy peer of bench/kernels.bench.ts: label-smoothed softmax cross-entropy
loss + gradient ('uniform', mean over rows), vectorised and in place, on the
logits and labels the bench wrote. Prints one time in ms per repetition.

usage: python3 softmaxCrossEntropy.py LOGITS.f64 LABELS.i32 N K ALPHA REPS
"""
import sys
import time

import numpy as np

path_z, path_y, n, k, alpha, reps = sys.argv[1], sys.argv[2], *map(float, sys.argv[3:7])
n, k, reps = int(n), int(k), int(reps)
z = np.fromfile(path_z, dtype=np.float64).reshape(n, k)
y = np.fromfile(path_y, dtype=np.int32).astype(np.intp)
rows = np.arange(n)
e = np.empty_like(z)
g = np.empty_like(z)
m = np.empty((n, 1))
s = np.empty((n, 1))


def loss_and_grad():
    np.max(z, axis=1, keepdims=True, out=m)
    np.subtract(z, m, out=e)
    dot = e.sum(axis=1)  # Σ (z − m)
    dy = e[rows, y]
    np.exp(e, out=e)
    np.sum(e, axis=1, keepdims=True, out=s)
    loss = (np.log(s[:, 0]) - ((alpha / k) * dot + (1 - alpha) * dy)).mean()
    np.divide(e, s, out=g)
    np.subtract(g, alpha / k, out=g)
    g[rows, y] -= 1 - alpha
    np.multiply(g, 1.0 / n, out=g)
    return loss


loss_and_grad()  # warm-up
for _ in range(reps):
    t0 = time.perf_counter()
    loss = loss_and_grad()
    print((time.perf_counter() - t0) * 1e3)
if not np.isfinite(loss):
    raise SystemExit(f"numpy loss is {loss}")
