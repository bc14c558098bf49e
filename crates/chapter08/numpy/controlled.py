"""Controlled randomness in NumPy: the generator is an argument, created once
per experiment from a recorded seed; one extra draw shifts everything."""

import numpy as np

print("--8<-- experiment")
# ANCHOR: experiment
def noisy_line(n, rng):
    """y = 2x + 1 + noise at n random points, from the caller's generator."""
    x = rng.uniform(0.0, 1.0, n)
    y = 2.0 * x + 1.0 + rng.normal(0.0, 0.1, n)
    return x, y


def experiment(seed):
    rng = np.random.default_rng(seed)  # one seed, written down
    x, y = noisy_line(50, rng)
    return np.polyfit(x, y, 1)[0]  # the least-squares slope


for seed in [1, 1, 2]:
    print(f"seed {seed}: slope {experiment(seed):.6f}")
rng = np.random.default_rng(1)
rng.random()  # one extra draw first
print(f"seed 1 after one extra draw: slope "
      f"{np.polyfit(*noisy_line(50, rng), 1)[0]:.6f}")
# ANCHOR_END: experiment
