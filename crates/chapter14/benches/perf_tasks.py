"""NumPy counterpart of benches/perf_tasks.rs: the performance tasks of
chapter 14, each in the NumPy idiom a reader would write first.

Same sizes as perf_tasks.rs (NumPy's own random numbers, uniform in [0, 1)):

- pairwise: squared distances between 1500 and 1000 points of 40 features,
  scipy.spatial.distance.cdist(x, y, "sqeuclidean").
- column_stats: x.mean(axis=0) and x.std(axis=0) of a 20000 x 300 table.
- moving_average: np.convolve(x, np.ones(250) / 250, "valid") of 1M values.
- histogram: np.histogram(x, 100, range=(0.05, 0.95)) of 1M values (the
  mean of three uniforms).
- gather: x[idx] for 2000 rows of a 10000 x 30 table.

Prints one JSON object with every timed run (see the book's benchmark
conventions); `--quick` uses fewer runs; `--warm-up S` warms each workload up
for S seconds first.

Run: python3 crates/chapter14/benches/perf_tasks.py [--quick] [--warm-up S]
"""

import pathlib
import sys

import numpy as np
from scipy.spatial.distance import cdist

# The shared timing method, xtask/python/scml_bench.py.
HERE = pathlib.Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[3] / "xtask" / "python"))
import scml_bench  # noqa: E402


def pairwise(xy):
    return cdist(xy[0], xy[1], "sqeuclidean")


def column_stats(x):
    return x.mean(axis=0), x.std(axis=0)


def moving_average(x):
    return np.convolve(x, np.ones(250) / 250, "valid")


def histogram(x):
    return np.histogram(x, 100, range=(0.05, 0.95))[0]


def gather(x_idx):
    return x_idx[0][x_idx[1]]


def main():
    quick, warm_up_s, runs, min_run_s = scml_bench.options()
    rng = np.random.default_rng(0)
    x1, y1 = rng.random((1500, 40)), rng.random((1000, 40))
    table = rng.random((20_000, 300))
    series = rng.random(1_000_000)
    normalish = rng.random((3, 1_000_000)).mean(axis=0)
    rows = rng.random((10_000, 30))
    idx = (np.arange(2000) * 7919) % 10_000
    workloads = [
        ("pairwise", "1500x1000x40", pairwise, (x1, y1)),
        ("column_stats", "20000x300", column_stats, table),
        ("moving_average", "1M_w250", moving_average, series),
        ("histogram", "1M_100bins", histogram, normalish),
        ("gather", "2000_of_10000x30", gather, (rows, idx)),
    ]
    # The idioms compute what the Rust baselines do.
    d = pairwise((x1[:5], y1[:3]))
    assert np.allclose(d, ((x1[:5, None] - y1[None, :3]) ** 2).sum(-1))
    window = moving_average(series[:300])
    assert np.allclose(window, [series[i:i + 250].mean() for i in range(51)])
    results = []
    for group, label, func, arg in workloads:
        times = scml_bench.time_workload(func, arg, runs, min_run_s, warm_up_s)
        results.append({"id": f"{group}/numpy_idiomatic/{label}",
                        "times_s": times})
    scml_bench.report(results)


if __name__ == "__main__":
    main()
