"""NumPy counterpart of benches/selection.rs: boolean-mask and integer-index
selection of rows from a 1,000,000 x 8 float64 matrix.

Builds the same numbers as selection.rs (SplitMix64 of a counter) and times:

- mask_rows: the rows where column 0 is above 0.5. Idiomatic: X[mask].
  Best: the same mask applied to a one-dimensional view of X whose elements
  are whole 64-byte rows (np.void), so that NumPy copies one 64-byte item per
  kept row instead of walking eight float64s; viewed back as (k, 8) floats.
  (np.compress(mask, X, axis=0, out=buf) and np.take(X, np.flatnonzero(mask),
  axis=0, out=buf) were slower on the book's machine.)
- gather_rows: 1,000,000 random row indices. Idiomatic: X[idx]. Best:
  np.take(X, idx, axis=0, out=buf) into a buffer allocated once.

Two extra rows, numpy_best_4k_pages (mask_rows) and numpy_idiomatic_4k_pages
(gather_rows), run a version that allocates its result with NumPy's 2 MiB
pages switched off, as in chapter 1: they measure what huge pages are worth
against the Rust versions that allocate with 4 KiB pages.

Prints one JSON object with every timed run (see the book's benchmark
conventions); `--quick` uses fewer runs; `--warm-up S` warms each workload up
for S seconds first.

Run: python3 crates/chapter03/benches/selection.py [--quick] [--warm-up S]
"""

import pathlib
import sys

import numpy as np

# The shared timing method, xtask/python/scml_bench.py.
HERE = pathlib.Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[3] / "xtask" / "python"))
import scml_bench  # noqa: E402
from scml_data import splitmix64  # noqa: E402

ROWS, COLS = 1_000_000, 8
LABEL = "1Mx8_f64"
ROW = np.dtype((np.void, COLS * 8))  # one whole row as a single item


def matrix():
    k = np.arange(ROWS * COLS, dtype=np.uint64)
    bits = splitmix64(k) >> np.uint64(11)
    return (bits * 2.0**-53).reshape(ROWS, COLS)


def random_rows():
    i = np.arange(ROWS, dtype=np.uint64) + np.uint64(1 << 40)
    return (splitmix64(i) % np.uint64(ROWS)).astype(np.intp)


def with_small_pages(func):
    """`func` with NumPy's use of Linux's 2 MiB pages switched off, so that its
    large allocations use 4 KiB pages like Rust's `Vec` (an experiment: it
    shows what the huge pages are worth to a selection that allocates)."""
    from numpy._core import multiarray

    def wrapped(args):
        before = multiarray._set_madvise_hugepage(False)
        try:
            return func(args)
        finally:
            multiarray._set_madvise_hugepage(before)

    return wrapped


def mask_numpy_idiomatic(args):
    x, mask = args
    return x[mask]


def mask_numpy_best(args):
    rows, mask = args
    return rows[mask].view(np.float64).reshape(-1, COLS)


def gather_numpy_idiomatic(args):
    x, idx, _ = args
    return x[idx]


def gather_numpy_best(args):
    x, idx, out = args
    return np.take(x, idx, axis=0, out=out)


def main():
    quick, warm_up_s, runs, min_run_s = scml_bench.options()
    x = matrix()
    results = []

    mask = x[:, 0] > 0.5
    expected = x[mask]
    rows = x.view(ROW).ravel()
    workloads = [("numpy_idiomatic", mask_numpy_idiomatic, (x, mask)),
                 ("numpy_best", mask_numpy_best, (rows, mask)),
                 ("numpy_best_4k_pages", with_small_pages(mask_numpy_best),
                  (rows, mask))]
    for impl, func, arg in workloads:
        assert np.array_equal(func(arg), expected)
        times = scml_bench.time_workload(func, arg, runs, min_run_s, warm_up_s)
        results.append({"id": f"mask_rows/{impl}/{LABEL}", "times_s": times})

    idx = random_rows()
    expected = x[idx]
    out = np.empty_like(expected)
    for impl, func in [("numpy_idiomatic", gather_numpy_idiomatic),
                       ("numpy_idiomatic_4k_pages",
                        with_small_pages(gather_numpy_idiomatic)),
                       ("numpy_best", gather_numpy_best)]:
        assert np.array_equal(func((x, idx, out)), expected)
        times = scml_bench.time_workload(func, (x, idx, out), runs, min_run_s,
                                         warm_up_s)
        results.append({"id": f"gather_rows/{impl}/{LABEL}", "times_s": times})

    scml_bench.report(results)


if __name__ == "__main__":
    main()
