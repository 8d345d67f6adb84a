"""PyTorch peer of bench/kernels.bench.ts: F.cross_entropy with label_smoothing
('mean') and its backward through autograd, on one CPU thread, on the float64
logits and labels the bench wrote. Prints one time in ms per repetition.

usage: python3 softmaxCrossEntropyTorch.py LOGITS.f64 LABELS.i32 N K ALPHA REPS
"""
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

path_z, path_y = sys.argv[1], sys.argv[2]
n, k = int(sys.argv[3]), int(sys.argv[4])
alpha, reps = float(sys.argv[5]), int(sys.argv[6])
torch.set_num_threads(1)
z0 = torch.from_numpy(np.fromfile(path_z, dtype=np.float64).reshape(n, k))
y = torch.from_numpy(np.fromfile(path_y, dtype=np.int32).astype(np.int64))


def loss_and_grad():
    z = z0.detach().requires_grad_(True)
    loss = F.cross_entropy(z, y, label_smoothing=alpha)
    loss.backward()
    return loss.item()


loss_and_grad()  # warm-up
for _ in range(reps):
    t0 = time.perf_counter()
    loss = loss_and_grad()
    print((time.perf_counter() - t0) * 1e3)
if not np.isfinite(loss):
    raise SystemExit(f"PyTorch loss is {loss}")
