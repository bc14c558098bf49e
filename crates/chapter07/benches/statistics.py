"""NumPy counterpart of benches/statistics.rs: std, median and percentiles.

Builds the same 10M numbers as statistics.rs (SplitMix64 from seed 0, scaled
to [0, 100)) and times:

- std: the population standard deviation. Idiomatic: np.std(x). Best: the
  mean, an in-place subtraction into a preallocated buffer, and np.dot(d, d)
  (BLAS) for the sum of squares.
- median: idiomatic np.median(x); best: np.partition(x, [k, k + 1]) (a SIMD
  introselect) and the mean of the two middle values.
- percentiles 5, 50, 95 (the default linear method): idiomatic
  np.percentile(x, [5, 50, 95]); best: one np.partition at the six ranks
  needed, then NumPy's own interpolation.

Prints one JSON object with every timed run (see the book's benchmark
conventions); `--quick` uses fewer runs; `--warm-up S` warms each workload up
for S seconds first.

Run: python3 crates/chapter07/benches/statistics.py [--quick] [--warm-up S]
"""

import pathlib
import sys

import numpy as np

# The shared timing method, xtask/python/scml_bench.py.
HERE = pathlib.Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[3] / "xtask" / "python"))
import scml_bench  # noqa: E402
from scml_data import splitmix_uniform  # noqa: E402

N, LABEL = 10_000_000, "10M_f64"
PERCENTILES = [5.0, 50.0, 95.0]


def std_numpy_idiomatic(x):
    return np.std(x)


def std_numpy_best(x_buf):
    x, buf = x_buf
    np.subtract(x, x.mean(), out=buf)
    return np.sqrt(np.dot(buf, buf) / x.shape[0])


def median_numpy_idiomatic(x):
    return np.median(x)


def median_numpy_best(x):
    k = (x.shape[0] - 1) // 2
    part = np.partition(x, [k, k + 1])
    return 0.5 * (part[k] + part[k + 1]) if x.shape[0] % 2 == 0 else part[k]


def percentiles_numpy_idiomatic(x):
    return np.percentile(x, PERCENTILES)


def percentiles_numpy_best(x):
    index = (x.shape[0] - 1) * (np.array(PERCENTILES) / 100.0)
    below = np.floor(index).astype(np.intp)
    part = np.partition(x, np.unique(np.concatenate([below, below + 1])))
    a, b, t = part[below], part[below + 1], index - below
    # NumPy's own interpolation (_lerp): from the nearer end.
    return np.where(t >= 0.5, b - (b - a) * (1 - t), a + (b - a) * t)


def main():
    quick, warm_up_s, runs, min_run_s = scml_bench.options()
    x = splitmix_uniform(N)
    buf = np.empty_like(x)
    workloads = [
        ("std", "numpy_idiomatic", std_numpy_idiomatic, x),
        ("std", "numpy_best", std_numpy_best, (x, buf)),
        ("median", "numpy_idiomatic", median_numpy_idiomatic, x),
        ("median", "numpy_best", median_numpy_best, x),
        ("percentiles", "numpy_idiomatic", percentiles_numpy_idiomatic, x),
        ("percentiles", "numpy_best", percentiles_numpy_best, x),
    ]
    checks = {"std": np.std(x), "median": np.median(x),
              "percentiles": np.percentile(x, PERCENTILES)}
    results = []
    for group, impl, func, arg in workloads:
        assert np.allclose(func(arg), checks[group], rtol=1e-12, atol=0)
        times = scml_bench.time_workload(func, arg, runs, min_run_s, warm_up_s)
        results.append({"id": f"{group}/{impl}/{LABEL}", "times_s": times})
    scml_bench.report(results)


if __name__ == "__main__":
    main()
