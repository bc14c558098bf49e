"""Inverse-transform, rejection and weighted sampling in NumPy."""

import numpy as np

rng = np.random.default_rng(5)
print("--8<-- inverse")
# ANCHOR: inverse
x = -np.log1p(-rng.random(100_000)) / 0.5  # inverse CDF of Exp(rate 0.5)
print(f"inversion, rate 0.5: mean {x.mean():.3f} (2), var {x.var(ddof=1):.3f}"
      " (4)")
x_prop = rng.random(250_000)  # rejection, vectorised: propose in bulk ...
keep = 2.5 * rng.random(250_000) < 30 * x_prop * (1 - x_prop) ** 4
beta = x_prop[keep]  # ... keep those under the density
print(f"rejection, Beta(2, 5): mean {beta.mean():.4f}, accepted"
      f" {keep.mean():.3f}")
# ANCHOR_END: inverse

print("--8<-- weighted")
# ANCHOR: weighted
p = np.array([0.1, 0.0, 0.6, 0.3])
picks = rng.choice(4, size=100_000, p=p)  # p must sum to 1
print("rng.choice(p=):", np.bincount(picks, minlength=4).tolist())
try:
    rng.choice(4, p=[0.1, 0.0, 0.6, 0.4])
except ValueError as e:
    print("ValueError:", str(e).split(".")[0])  # its first sentence
# ANCHOR_END: weighted
