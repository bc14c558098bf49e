"""NumPy counterpart of benches/containers.rs: standardise every column of a table.

Builds the same numbers as chapter01::benchmark_table (value at row i, column j:
((37 i + 11 j + i j) mod 101) / 2 + j) at the same sizes, and times the same
computation three ways: the idiomatic NumPy expression, the best NumPy version
we could write (the passes of the fastest Rust version, no extra temporaries),
and pure-Python lists. Prints one JSON object with every timed run (see the
book's benchmark conventions); `--quick` uses fewer runs and skips pure Python
at 1000x1000; `--warm-up S` warms each workload up for S seconds first.

Run: python3 crates/chapter01/benches/containers.py [--quick] [--warm-up S]
"""

import math
import pathlib
import sys

import numpy as np

# The shared timing method, xtask/python/scml_bench.py.
HERE = pathlib.Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[3] / "xtask" / "python"))
import scml_bench  # noqa: E402

# (rows, columns, the SIZE label shared with the Rust benchmark)
SIZES = [(150, 4, "150x4_f64"), (1000, 1000, "1000x1000_f64"),
         (8192, 8192, "8192x8192_f64")]


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


def standardize_numpy_idiomatic(x):
    """NumPy as it is usually written: (x - mean) / std (population std, ddof=0;
    a constant column is divided by 1). `std` computes the mean again, and the
    expression makes three full-size temporaries."""
    scale = x.std(axis=0)
    scale[scale == 0.0] = 1.0
    return (x - x.mean(axis=0)) / scale


def standardize_numpy_best(x):
    """NumPy written for speed: the mean once, one centred copy (the result),
    the column sums of squares with einsum (no squared temporary), and an
    in-place division."""
    centred = x - x.mean(axis=0)
    scale = np.sqrt(np.einsum("ij,ij->j", centred, centred) / x.shape[0])
    scale[scale == 0.0] = 1.0
    centred /= scale
    return centred


def with_small_pages(func):
    """`func` with NumPy's use of Linux's 2 MiB pages switched off, so that its
    large allocations use 4 KiB pages like Rust's `Vec` (an experiment: it
    shows what the huge pages are worth)."""
    from numpy._core import multiarray

    def wrapped(x):
        before = multiarray._set_madvise_hugepage(False)
        try:
            return func(x)
        finally:
            multiarray._set_madvise_hugepage(before)

    return wrapped


def main():
    quick, warm_up_s, runs, min_run_s = scml_bench.options()

    results = []
    for n_rows, n_cols, label in SIZES:
        large = n_rows * n_cols > 10_000_000
        if large:
            # The same numbers, built without a 67-million-element list.
            i = np.arange(n_rows).reshape(-1, 1)
            j = np.arange(n_cols).reshape(1, -1)
            array = ((37 * i + 11 * j + i * j) % 101) * 0.5 + j
            rows = None
        else:
            rows = benchmark_table(n_rows, n_cols)
            array = np.array(rows, dtype=np.float64)
        # Every version must agree before any is timed.
        expected = standardize_numpy_idiomatic(array)
        assert np.allclose(standardize_numpy_best(array), expected,
                           rtol=0, atol=1e-12)
        if n_rows * n_cols <= 1000:
            assert np.allclose(standardize_python_lists(rows), expected,
                               rtol=0, atol=1e-12)
        workloads = [
            ("numpy_idiomatic", standardize_numpy_idiomatic, array),
            ("numpy_best", standardize_numpy_best, array),
        ]
        if large:
            workloads.append(("numpy_best_4k_pages",
                              with_small_pages(standardize_numpy_best), array))
        slow = n_rows * n_cols > 10_000
        if not (quick and slow) and not large:
            workloads.append(("python_lists", standardize_python_lists, rows))
        for impl, func, arg in workloads:
            pure_and_slow = impl == "python_lists" and slow
            few = pure_and_slow or large
            impl_runs = max(3, runs // 4) if few else runs
            warm_up = min(warm_up_s, 0.1) if pure_and_slow else warm_up_s
            times = scml_bench.time_workload(func, arg, impl_runs, min_run_s,
                                             warm_up)
            results.append({"id": f"standardize/{impl}/{label}",
                            "times_s": times})

    scml_bench.report(results)


if __name__ == "__main__":
    main()
