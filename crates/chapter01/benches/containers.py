"""NumPy counterpart of benches/containers.rs: standardise every column of a table.

Builds the same numbers as chapter01::benchmark_table (value at row i, column j:
((37 i + 11 j + i j) mod 101) / 2 + j) at the same sizes, and times the same computation
written with pure-Python lists and with NumPy. Prints one JSON object (see the book's
benchmark conventions); `--quick` uses fewer repeats and skips pure Python at 1000x1000.

Run: python3 crates/chapter01/numpy/containers.py [--quick]
"""

import json
import math
import platform
import statistics
import sys
import time

import numpy as np

# (rows, columns, the SIZE label shared with the Rust benchmark)
SIZES = [(150, 4, "150x4_f64"), (1000, 1000, "1000x1000_f64")]


def benchmark_table(n_rows, n_cols):
    """The benchmark's input as a list of row lists (exactly the Rust values)."""
    return [
        [((37 * i + 11 * j + i * j) % 101) * 0.5 + j for j in range(n_cols)]
        for i in range(n_rows)
    ]


def standardize_python_lists(rows):
    """Pure Python: column means and population stds, then (x - mean) / std row by row."""
    n = len(rows)
    columns = list(zip(*rows))
    means = [sum(col) / n for col in columns]
    stds = [
        math.sqrt(sum((x - m) * (x - m) for x in col) / n)
        for col, m in zip(columns, means)
    ]
    scales = [s if s != 0.0 else 1.0 for s in stds]
    return [[(x - m) / s for x, m, s in zip(row, means, scales)] for row in rows]


def standardize_numpy(x):
    """NumPy: the usual one-liner (population std, ddof=0; a constant column is divided by 1)."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0.0] = 1.0
    return (x - mean) / scale


def time_workload(func, arg, runs, min_run_s):
    """Median seconds per call. One warm-up call; then `runs` runs, each repeating the call
    enough times to last at least `min_run_s` (so microsecond workloads are measurable)."""
    # ANCHOR: timing_loop
    func(arg)
    start = time.perf_counter()
    func(arg)
    once = max(time.perf_counter() - start, 1e-9)
    calls_per_run = max(1, math.ceil(min_run_s / once))
    per_call = []
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(calls_per_run):
            func(arg)
        per_call.append((time.perf_counter() - start) / calls_per_run)
    return statistics.median(per_call)
    # ANCHOR_END: timing_loop


def main():
    args = sys.argv[1:]
    if args not in ([], ["--quick"]):
        sys.exit(f"usage: {sys.argv[0]} [--quick]  (got {' '.join(args)})")
    quick = args == ["--quick"]
    runs, min_run_s = (5, 0.005) if quick else (20, 0.02)

    results = []
    for n_rows, n_cols, label in SIZES:
        rows = benchmark_table(n_rows, n_cols)
        array = np.array(rows, dtype=np.float64)
        # The two versions must agree before either is timed.
        expected = standardize_numpy(array)
        if n_rows * n_cols <= 1000:
            assert np.allclose(standardize_python_lists(rows), expected, rtol=0, atol=1e-12)
        workloads = [("numpy", standardize_numpy, array)]
        slow = n_rows * n_cols > 10_000
        if not (quick and slow):
            workloads.append(("python_lists", standardize_python_lists, rows))
        for impl, func, arg in workloads:
            impl_runs = max(3, runs // 4) if impl == "python_lists" and slow else runs
            median_s = time_workload(func, arg, impl_runs, min_run_s)
            results.append(
                {"id": f"standardize/{impl}/{label}", "median_s": median_s, "runs": impl_runs}
            )

    print(
        json.dumps(
            {
                "numpy_version": np.__version__,
                "python_version": platform.python_version(),
                "results": results,
            }
        )
    )


if __name__ == "__main__":
    main()
