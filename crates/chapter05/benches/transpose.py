"""NumPy counterpart of benches/transpose.rs: a transpose copied into C order.

Builds the same n x n float64 matrices as transpose.rs (element [i, j] is
i * n + j), at the same two sizes, n = 4096 (rows exactly 32 KiB apart, a
power of two) and n = 4104 (one 64-byte cache line more a row), and times
at both:

- numpy_idiomatic: np.ascontiguousarray(X.T), a new C-ordered copy (the same
  as X.T.copy()).
- numpy_best: np.copyto(out, X.T) into a preallocated C-ordered buffer, the
  fastest NumPy we found (no allocation and no fresh pages to fault in).
- numpy_best_4k_pages: the same np.copyto, with X and out allocated while
  NumPy's use of Linux's 2 MiB pages is switched off, so that they sit on
  4 KiB pages like the Rust matrices: an experiment that shows what the huge
  pages are worth to a walk whose every read lands on another page.

Prints one JSON object with every timed run (see the book's benchmark
conventions); `--quick` uses fewer runs; `--warm-up S` warms each workload up
for S seconds first.

Run: python3 crates/chapter05/benches/transpose.py [--quick] [--warm-up S]
"""

import pathlib
import sys

import numpy as np

# The shared timing method, xtask/python/scml_bench.py.
HERE = pathlib.Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[3] / "xtask" / "python"))
import scml_bench  # noqa: E402

# (rows = columns, the SIZE label shared with the Rust benchmark)
SIZES = [(4096, "4096x4096_f64"), (4104, "4104x4104_f64")]


def matrix(n):
    """transpose.rs's input: element [i, j] is i * n + j, C order."""
    return np.arange(n * n, dtype=np.float64).reshape(n, n)


def transpose_numpy_idiomatic(x):
    return np.ascontiguousarray(x.T)


def transpose_numpy_best(x_out):
    x, out = x_out
    np.copyto(out, x.T)
    return out


def on_small_pages(make):
    """`make()` with NumPy's madvise(MADV_HUGEPAGE) switched off, so that its
    large allocations use 4 KiB pages, as Rust's `Vec` does."""
    from numpy._core import multiarray

    before = multiarray._set_madvise_hugepage(False)
    try:
        return make()
    finally:
        multiarray._set_madvise_hugepage(before)


def main():
    quick, warm_up_s, runs, min_run_s = scml_bench.options()

    results = []
    for n, label in SIZES:
        x = matrix(n)
        out = np.empty((n, n))
        expected = x.T.copy()
        small = on_small_pages(lambda: (matrix(n), np.empty((n, n))))
        workloads = [
            ("numpy_idiomatic", transpose_numpy_idiomatic, x),
            ("numpy_best", transpose_numpy_best, (x, out)),
            ("numpy_best_4k_pages", transpose_numpy_best, small),
        ]
        for impl, func, arg in workloads:
            result = func(arg)
            assert result.flags.c_contiguous
            assert np.array_equal(result, expected)
            times = scml_bench.time_workload(func, arg, runs, min_run_s, warm_up_s)
            results.append({"id": f"transpose_copy/{impl}/{label}",
                            "times_s": times})

    scml_bench.report(results)


if __name__ == "__main__":
    main()
