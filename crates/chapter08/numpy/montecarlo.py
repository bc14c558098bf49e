"""Monte Carlo integration of e^x over [0, 1) in NumPy: an estimate with its
95% interval, antithetic variates, and parallel workers on spawned seeds."""

import numpy as np

print("--8<-- estimate")
# ANCHOR: estimate
exact = np.e - 1.0
rng = np.random.default_rng(8)
fx = np.exp(rng.random(10_000))
mean, se = fx.mean(), fx.std(ddof=1) / np.sqrt(fx.size)
print(f"estimate {mean:.5f} +- {se:.5f} (se)")
print(f"95% interval [{mean - 1.96 * se:.5f}, {mean + 1.96 * se:.5f}],"
      f" exact {exact:.5f}")
u = rng.random(50_000)
pairs = 0.5 * (np.exp(u) + np.exp(1.0 - u))  # antithetic: 100,000 evals
plain = np.exp(rng.random(100_000))
ratio = (plain.var(ddof=1) / 100_000) / (pairs.var(ddof=1) / 50_000)
print(f"antithetic: variance reduced {ratio:.0f}-fold at equal cost")
# ANCHOR_END: estimate

print("--8<-- parallel")
# ANCHOR: parallel
def worker(seed_seq, n):  # each worker gets its own child SeedSequence
    return np.exp(np.random.default_rng(seed_seq).random(n))

children = np.random.SeedSequence(42).spawn(4)
fx = np.concatenate([worker(s, 250_000) for s in children])
print(f"4 workers: {fx.mean():.6f} +- {fx.std(ddof=1) / np.sqrt(fx.size):.6f}")
# ANCHOR_END: parallel
