"""NumPy/SciPy counterpart of benches/linalg.rs: the same matrices (dense,
pseudo-random entries uniform in [-1, 1), splitmix64 of each entry's index),
the same workloads.

- matmul: C = A B of random matrices (512, 1024, 2048). Idiomatic: `a @ b`.
  Best: np.matmul(a, b, out=c) into a preallocated c (no allocation per call).
- solve (random G, 1000 x 1000), cholesky (G G^T / n + I, 1000 x 1000), svd
  (random, 500 x 500) and eigh (random symmetric (R + R^T) / 2, 500 x 500).
  Idiomatic: np.linalg.solve (LAPACK dgesv), np.linalg.cholesky (dpotrf),
  np.linalg.svd (dgesdd, U and Vt in full) and np.linalg.eigh (dsyevd,
  divide and conquer: numpy/linalg/_linalg.py names the routines). Best:
  SciPy's direct LAPACK wrappers for solve, cholesky and eigh
  (scipy.linalg.lapack dgesv, dpotrf, dsyevd: no argument checks, no pass
  over the input for NaNs), and scipy.linalg.svd with check_finite=False for
  svd (the raw dgesdd wrapper defaults to a minimal workspace and runs at
  less than half the speed, measured). ndarray-linalg's eigh calls dsyev,
  the QR algorithm, instead (lax 0.17, src/eigh.rs).

Prints one JSON object with every timed run (see the book's benchmark
conventions); `--quick` uses fewer runs; `--warm-up S` warms each workload up
for S seconds first.

Run: python3 crates/chapter09/benches/linalg.py [--quick] [--warm-up S]
"""

import pathlib
import sys

import numpy as np
import scipy.linalg as sla
from scipy.linalg import lapack

HERE = pathlib.Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[3] / "xtask" / "python"))
import scml_bench  # noqa: E402


MASK = np.uint64(0xFFFFFFFFFFFFFFFF)


def splitmix64(x):
    """splitmix64 of a uint64 array (wrapping arithmetic, as in linalg.rs)."""
    with np.errstate(over="ignore"):
        z = x + np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return (z ^ (z >> np.uint64(31))) & MASK


def random(n, seed):
    """linalg.rs's input: entries uniform in [-1, 1) from splitmix64 of
    seed * 2**32 + i * n + j."""
    k = np.uint64(seed << 32) + np.arange(n * n, dtype=np.uint64)
    bits = splitmix64(k) >> np.uint64(11)
    return (bits.astype(np.float64) * 2.0**-52 - 1.0).reshape(n, n)


def symmetric(n, seed):
    r = random(n, seed)
    return (r + r.T) * 0.5


def spd(n, seed):
    g = random(n, seed)
    return g @ g.T / n + np.eye(n)


def order(name):
    """1000, but 500 for svd and eigh (dsyev takes a second or more at 1000)."""
    return 500 if name in ("svd", "eigh") else 1000


def main():
    quick, warm_up_s, runs, min_run_s = scml_bench.options()
    results = []
    # The same numbers as linalg.rs's `random` (which asserts these too).
    check = random(3, 1)
    assert check[0, 0] == 0.532603514678172
    assert check[2, 1] == -0.6889926158930719

    def timed(group, impl, label, func, arg):
        times = scml_bench.time_workload(func, arg, runs, min_run_s, warm_up_s)
        results.append({"id": f"{group}/{impl}/{label}", "times_s": times})

    for n in [512, 1024, 2048]:
        label = f"{n}x{n}_f64"
        a, b = random(n, 1), random(n, 2)
        c = np.empty((n, n))
        assert np.allclose(np.matmul(a, b, out=c), a @ b)
        timed("matmul", "numpy_idiomatic", label, lambda ab: ab[0] @ ab[1],
              (a, b))
        timed("matmul", "numpy_best", label,
              lambda abc: np.matmul(abc[0], abc[1], out=abc[2]), (a, b, c))

    n = order("solve")
    g, s = random(n, 3), spd(n, 4)
    rhs = (np.arange(n) % 10).astype(np.float64)
    x = np.linalg.solve(g, rhs)
    assert np.allclose(lapack.dgesv(g, rhs)[2], x)
    m = order("eigh")
    r, sym = random(m, 5), symmetric(m, 6)
    assert np.allclose(lapack.dsyevd(sym, compute_v=1, lower=1)[0],
                       np.linalg.eigvalsh(sym))
    workloads = [
        ("solve", lambda: np.linalg.solve(g, rhs),
         lambda: lapack.dgesv(g, rhs)),
        ("cholesky", lambda: np.linalg.cholesky(s),
         lambda: lapack.dpotrf(s, lower=1)),
        ("svd", lambda: np.linalg.svd(r),
         lambda: sla.svd(r, check_finite=False, lapack_driver="gesdd")),
        ("eigh", lambda: np.linalg.eigh(sym),
         lambda: lapack.dsyevd(sym, compute_v=1, lower=1)),
    ]
    for group, idiomatic, best in workloads:
        label = f"{order(group)}x{order(group)}_f64"
        timed(group, "numpy_idiomatic", label, lambda _: idiomatic(), None)
        timed(group, "numpy_best", label, lambda _: best(), None)

    scml_bench.report(results)


if __name__ == "__main__":
    main()
