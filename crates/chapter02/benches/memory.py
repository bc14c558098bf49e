"""NumPy counterpart of benches/memory.rs: fresh arrays, and traversal order.

Builds the same numbers as memory.rs at the same sizes and times:

- product: a fresh array holding a * b. Idiomatic: the "preallocate with
  np.zeros, then fill" habit (np.multiply(a, b, out=np.zeros(n))). Best: the
  same into np.empty(n), which skips the zero fill (plain `a * b` allocates its
  result the same way, with no fill).
- column_sums: the column sums of a C-ordered matrix. Idiomatic: x.sum(axis=0).
  Best: ones @ x, a BLAS matrix-vector product (the same sums, exact here
  because every value is a small whole number).

Prints one JSON object with every timed run (see the book's benchmark
conventions); `--quick` uses fewer runs; `--warm-up S` warms each workload up
for S seconds first.

Run: python3 crates/chapter02/benches/memory.py [--quick] [--warm-up S]
"""

import pathlib
import sys

import numpy as np

# The shared timing method, xtask/python/scml_bench.py.
HERE = pathlib.Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[3] / "xtask" / "python"))
import scml_bench  # noqa: E402

# (length, the SIZE label shared with the Rust benchmark)
PRODUCT_SIZES = [(1 << 20, "1M_f64"), (1 << 24, "16M_f64")]
# (rows = columns, the SIZE label)
MATRIX_SIZES = [(1000, "1000x1000_f64"), (4096, "4096x4096_f64")]


def factors(n):
    """memory.rs's inputs: (i mod 7) * 0.25 and (i mod 5) * 0.5."""
    i = np.arange(n)
    return (i % 7) * 0.25, (i % 5) * 0.5


def product_numpy_idiomatic(ab):
    a, b = ab
    out = np.zeros(a.shape[0])
    np.multiply(a, b, out=out)
    return out


def product_numpy_best(ab):
    a, b = ab
    out = np.empty(a.shape[0])
    np.multiply(a, b, out=out)
    return out


def matrix(n):
    """memory.rs's input: element [i, j] is (i + 2 j) mod 5, C order."""
    i = np.arange(n).reshape(-1, 1)
    j = np.arange(n).reshape(1, -1)
    return ((i + 2 * j) % 5).astype(np.float64)


def column_sums_numpy_idiomatic(x):
    return x.sum(axis=0)


def column_sums_numpy_best(x_ones):
    x, ones = x_ones
    return ones @ x


def main():
    quick, warm_up_s, runs, min_run_s = scml_bench.options()

    results = []
    for n, label in PRODUCT_SIZES:
        ab = factors(n)
        expected = ab[0] * ab[1]
        for impl, func in [("numpy_idiomatic", product_numpy_idiomatic),
                           ("numpy_best", product_numpy_best)]:
            assert np.array_equal(func(ab), expected)
            times = scml_bench.time_workload(func, ab, runs, min_run_s, warm_up_s)
            results.append({"id": f"product/{impl}/{label}",
                            "times_s": times})

    for n, label in MATRIX_SIZES:
        x = matrix(n)
        ones = np.ones(n)
        expected = x.sum(axis=0)
        workloads = [
            ("numpy_idiomatic", column_sums_numpy_idiomatic, x),
            ("numpy_best", column_sums_numpy_best, (x, ones)),
        ]
        for impl, func, arg in workloads:
            assert np.array_equal(func(arg), expected)
            times = scml_bench.time_workload(func, arg, runs, min_run_s, warm_up_s)
            results.append({"id": f"column_sums/{impl}/{label}",
                            "times_s": times})

    scml_bench.report(results)


if __name__ == "__main__":
    main()
