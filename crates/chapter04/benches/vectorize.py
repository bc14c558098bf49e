"""NumPy and pure-Python counterpart of benches/vectorize.rs.

Builds the same numbers as vectorize.rs (chapter04::kernels::bench_inputs)
and times:

- mul_add: a * b + c. Idiomatic: the expression `a * b + c` (two fresh
  arrays at 10k; one at 10M, where NumPy writes the sum into the product's
  temporary). Best: np.multiply(a, b, out=o); np.add(o, c, out=o), into a
  preallocated o (two passes, no allocation). Pure Python: a list
  comprehension over three lists.
  At 10M, numpy_idiomatic_4k_pages repeats the idiomatic row with NumPy's
  2 MiB pages switched off, to measure what they save on fresh results.
- horner: p(x) = (((c4 x + c3) x + c2) x + c1) x + c0. Idiomatic: that
  expression. Best: the same steps in place into a preallocated o. Pure
  Python: a list comprehension.

- read and write: a sum and a fill over 1 GiB (128M values). Idiomatic and
  best are a.sum() and o.fill(0.5) for both: there is nothing faster to write.

Pure Python takes seconds at 10M values, so it gets fewer runs (as chapter 1's
script does) and is skipped by --quick at that size.

Run: python3 crates/chapter04/benches/vectorize.py [--quick] [--warm-up S]
"""

import pathlib
import sys

import numpy as np

HERE = pathlib.Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[3] / "xtask" / "python"))
import scml_bench  # noqa: E402

MUL_ADD_SIZES = [(10_000, "10k_f64"), (10_000_000, "10M_f64")]
POLY = [0.5, -1.5, 2.0, 0.25, -0.75]  # c0 .. c4, as kernels::POLY


def inputs(n):
    """kernels::bench_inputs: exact binary fractions with short periods."""
    i = np.arange(n)
    return (i % 7) * 0.25 - 0.5, (i % 5) * 0.5 + 1.0, (i % 3) * 0.125


# ANCHOR: mul_add
def mul_add_numpy_idiomatic(abc):
    a, b, c = abc
    return a * b + c


def mul_add_numpy_best(abco):
    a, b, c, o = abco
    np.multiply(a, b, out=o)
    np.add(o, c, out=o)
    return o


def mul_add_python_lists(abc):
    a, b, c = abc
    return [x * y + z for x, y, z in zip(a, b, c)]
# ANCHOR_END: mul_add


def horner_numpy_idiomatic(x):
    c0, c1, c2, c3, c4 = POLY
    return (((c4 * x + c3) * x + c2) * x + c1) * x + c0


def horner_numpy_best(xo):
    x, o = xo
    c0, c1, c2, c3, c4 = POLY
    np.multiply(x, c4, out=o)
    o += c3
    o *= x
    o += c2
    o *= x
    o += c1
    o *= x
    o += c0
    return o


def horner_python_lists(x):
    c0, c1, c2, c3, c4 = POLY
    return [(((c4 * v + c3) * v + c2) * v + c1) * v + c0 for v in x]


def with_small_pages(func):
    """`func` with NumPy's use of Linux's 2 MiB pages switched off, so that its
    fresh arrays use 4 KiB pages like Rust's `Vec` (an experiment: it shows
    what the huge pages are worth to a fresh result)."""
    from numpy._core import multiarray

    def wrapped(x):
        before = multiarray._set_madvise_hugepage(False)
        try:
            return func(x)
        finally:
            multiarray._set_madvise_hugepage(before)

    return wrapped


def timed(results, id_, func, arg, runs, min_run_s, warm_up_s):
    times = scml_bench.time_workload(func, arg, runs, min_run_s, warm_up_s)
    results.append({"id": id_, "times_s": times})


def main():
    quick, warm_up_s, runs, min_run_s = scml_bench.options()
    few = max(3, runs // 4)
    results = []
    for n, label in MUL_ADD_SIZES:
        a, b, c = inputs(n)
        expected = a * b + c
        o = np.empty(n)
        assert np.array_equal(mul_add_numpy_best((a, b, c, o)), expected)
        timed(results, f"mul_add/numpy_idiomatic/{label}",
              mul_add_numpy_idiomatic, (a, b, c), runs, min_run_s, warm_up_s)
        timed(results, f"mul_add/numpy_best/{label}",
              mul_add_numpy_best, (a, b, c, o), runs, min_run_s, warm_up_s)
        large = n > 100_000
        if large:
            timed(results, f"mul_add/numpy_idiomatic_4k_pages/{label}",
                  with_small_pages(mul_add_numpy_idiomatic), (a, b, c), runs,
                  min_run_s, warm_up_s)
        if not (quick and large):
            lists = (a.tolist(), b.tolist(), c.tolist())
            assert mul_add_python_lists(lists) == expected.tolist()
            timed(results, f"mul_add/python_lists/{label}",
                  mul_add_python_lists, lists, few if large else runs,
                  min_run_s, min(warm_up_s, 0.1) if large else warm_up_s)
            del lists

    n, label = 10_000_000, "10M_f64"
    x = inputs(n)[0]
    expected = horner_numpy_idiomatic(x)
    o = np.empty(n)
    assert np.array_equal(horner_numpy_best((x, o)), expected)
    timed(results, f"horner/numpy_idiomatic/{label}",
          horner_numpy_idiomatic, x, runs, min_run_s, warm_up_s)
    timed(results, f"horner/numpy_best/{label}",
          horner_numpy_best, (x, o), runs, min_run_s, warm_up_s)
    if not quick:
        values = x.tolist()
        assert horner_python_lists(values) == expected.tolist()
        timed(results, f"horner/python_lists/{label}", horner_python_lists,
              values, few, min_run_s, min(warm_up_s, 0.1))

    n, label = 1 << 27, "128M_f64"
    x = inputs(n)[0]
    o = np.zeros(n)
    for impl in ["numpy_idiomatic", "numpy_best"]:
        timed(results, f"read/{impl}/{label}", np.sum, x, few, min_run_s,
              warm_up_s)
        timed(results, f"write/{impl}/{label}", lambda o: o.fill(0.5), o, few,
              min_run_s, warm_up_s)

    scml_bench.report(results)


if __name__ == "__main__":
    main()
