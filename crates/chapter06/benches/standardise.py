"""NumPy counterpart of benches/standardise.rs: standardising the columns of a
100000 x 100 table (80 MB).

- numpy_idiomatic: (X - X.mean(0)) / X.std(0).
- numpy_best: the mean, the centred values written into a preallocated
  output (np.subtract(..., out=)), the column sums of squares with einsum (no
  squared temporary), and an in-place divide.
- numpy_best_fresh: the same with a fresh output each call (np.subtract
  allocating it), like the Rust rows that return a new array.

Prints one JSON object with every timed run; `--quick` uses fewer runs.

Run: python3 crates/chapter06/benches/standardise.py [--quick] [--warm-up S]
"""

import pathlib
import sys

import numpy as np

HERE = pathlib.Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[3] / "xtask" / "python"))
import scml_bench  # noqa: E402

ROWS, COLS, LABEL = 100_000, 100, "100000x100_f64"


def table():
    """standardise.rs's table: ((i * (j + 3)) mod 1000) / 10 + j."""
    i = np.arange(ROWS)[:, None]
    j = np.arange(COLS)[None, :]
    return ((i * (j + 3)) % 1000) / 10.0 + j


def idiomatic(x):
    return (x - x.mean(0)) / x.std(0)


def best(xo):
    x, out = xo
    mean = x.mean(0)
    centred = np.subtract(x, mean, out=out)
    std = np.sqrt(np.einsum("ij,ij->j", centred, centred) / x.shape[0])
    centred /= std
    return centred


def best_fresh(x):
    mean = x.mean(0)
    centred = np.subtract(x, mean)
    std = np.sqrt(np.einsum("ij,ij->j", centred, centred) / x.shape[0])
    centred /= std
    return centred


def main():
    quick, warm_up_s, runs, min_run_s = scml_bench.options()
    x = table()
    xo = (x, np.empty_like(x))
    expected = idiomatic(x)
    assert np.allclose(best(xo), expected, rtol=0, atol=1e-12)
    assert np.allclose(best_fresh(x), expected, rtol=0, atol=1e-12)
    results = []
    workloads = [("numpy_idiomatic", idiomatic, x),
                 ("numpy_best_fresh", best_fresh, x),
                 ("numpy_best", best, xo)]
    for impl, func, arg in workloads:
        times = scml_bench.time_workload(func, arg, runs, min_run_s, warm_up_s)
        results.append({"id": f"standardise/{impl}/{LABEL}", "times_s": times})
    scml_bench.report(results)


if __name__ == "__main__":
    main()
