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

import argparse
import gc
import json
import math
import platform
import time

import numpy as np

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


def time_workload(func, arg, runs, min_run_s, warm_up_s):
    """Seconds per call of each of `runs` timed runs, after a warm-up of
    `warm_up_s` seconds; each run repeats the call for at least `min_run_s`,
    with the garbage collector off (the method of chapter 1's script)."""
    deadline = time.perf_counter() + warm_up_s
    calls = 0
    while calls < 2 or time.perf_counter() < deadline:
        func(arg)
        calls += 1
    start = time.perf_counter()
    func(arg)
    once = max(time.perf_counter() - start, 1e-9)
    calls_per_run = max(1, math.ceil(min_run_s / once))
    per_call = []
    gc.disable()
    try:
        for _ in range(runs):
            start = time.perf_counter()
            for _ in range(calls_per_run):
                func(arg)
            per_call.append((time.perf_counter() - start) / calls_per_run)
    finally:
        gc.enable()
    return per_call


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--warm-up", type=float, default=0.5, metavar="S")
    args = parser.parse_args()
    runs, min_run_s = (5, 0.005) if args.quick else (20, 0.02)

    results = []
    for n, label in PRODUCT_SIZES:
        ab = factors(n)
        expected = ab[0] * ab[1]
        for impl, func in [("numpy_idiomatic", product_numpy_idiomatic),
                           ("numpy_best", product_numpy_best)]:
            assert np.array_equal(func(ab), expected)
            times = time_workload(func, ab, runs, min_run_s, args.warm_up)
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
            times = time_workload(func, arg, runs, min_run_s, args.warm_up)
            results.append({"id": f"column_sums/{impl}/{label}",
                            "times_s": times})

    print(json.dumps({"numpy_version": np.__version__,
                      "python_version": platform.python_version(),
                      "results": results}))


if __name__ == "__main__":
    main()
