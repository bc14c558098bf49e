"""Randomness during training in NumPy: Xavier and He initialisation,
shuffled mini-batches and an inverted-dropout mask."""

import numpy as np

print("--8<-- init")
# ANCHOR: init
rng = np.random.default_rng(10)
fan_in, fan_out = 256, 256
a = np.sqrt(6.0 / (fan_in + fan_out))
xavier = rng.uniform(-a, a, (fan_in, fan_out))
he = rng.normal(0.0, np.sqrt(2.0 / fan_in), (fan_in, fan_out))
print(f"Xavier variance {xavier.var():.6f}, "
      f"target {2 / (fan_in + fan_out):.6f}")
print(f"He variance     {he.var():.6f}, target {2 / fan_in:.6f}")
# ANCHOR_END: init

print("--8<-- batches")
# ANCHOR: batches
for epoch in range(2):
    order = rng.permutation(10)
    batches = [order[i:i + 4].tolist() for i in range(0, 10, 4)]
    print(f"epoch {epoch}: {batches}")
p = 0.5
mask = (rng.random((3, 8)) >= p) / (1 - p)  # inverted dropout
print(mask)
# ANCHOR_END: batches
