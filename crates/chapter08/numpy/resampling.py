"""The bootstrap and the permutation test on the diabetes data, by hand with
a NumPy Generator and with SciPy's scipy.stats.bootstrap and
permutation_test."""

import numpy as np
from scipy import stats

data = np.loadtxt("data/diabetes.csv", delimiter=",", skiprows=1)
progression, sex, hdl = data[:, -1], data[:, 1], data[:, 6]

print("--8<-- bootstrap")
# ANCHOR: bootstrap
rng = np.random.default_rng(8)
n = len(progression)
idx = rng.integers(0, n, size=(10_000, n))  # every resample at once
medians = np.median(progression[idx], axis=1)
print("95% interval, by hand:", np.percentile(medians, [2.5, 97.5]))
res = stats.bootstrap((progression,), np.median, n_resamples=10_000,
                      method="percentile", rng=np.random.default_rng(8))
ci = res.confidence_interval
print(f"95% interval, scipy:   [{ci.low}, {ci.high}]")
# ANCHOR_END: bootstrap

print("--8<-- permutation")
# ANCHOR: permutation
def diff_means(a, b, axis=-1):
    return a.mean(axis=axis) - b.mean(axis=axis)

for name, values in [("progression", progression), ("s3", hdl)]:
    a, b = values[sex == 1], values[sex == 2]
    res = stats.permutation_test((a, b), diff_means, n_resamples=9_999,
                                 vectorized=True,
                                 rng=np.random.default_rng(9))
    print(f"{name:<12} difference {res.statistic:+.2f}, "
          f"p = {res.pvalue:.4f}")
# ANCHOR_END: permutation
