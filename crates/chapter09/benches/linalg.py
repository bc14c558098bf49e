"""NumPy/SciPy counterpart of benches/linalg.rs: the same matrices, the same
workloads.

- matmul: C = A B. Idiomatic: `a @ b`. Best: np.matmul(a, b, out=c) into a
  preallocated c (no allocation per call).
- solve, cholesky, svd, eigh on 1000 x 1000. Idiomatic: np.linalg.solve,
  np.linalg.cholesky, np.linalg.svd (LAPACK dgesdd, U and Vt in full) and
  np.linalg.eigh. Best: SciPy's direct LAPACK wrappers for solve, cholesky
  and eigh (scipy.linalg.lapack dgesv, dpotrf, dsyevd: no argument checks, no
  pass over the input for NaNs), and scipy.linalg.svd with
  check_finite=False for svd (the raw dgesdd wrapper defaults to a minimal
  workspace and runs at less than half the speed, measured).

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


def general(n):
    """linalg.rs's input: ((7i + 13j) mod 17) / 17, plus n on the diagonal."""
    i = np.arange(n).reshape(-1, 1)
    j = np.arange(n).reshape(1, -1)
    return ((7 * i + 13 * j) % 17) / 17.0 + n * np.eye(n)


def symmetric(n):
    g = general(n)
    return (g + g.T) * 0.5


def main():
    quick, warm_up_s, runs, min_run_s = scml_bench.options()
    results = []

    def timed(group, impl, label, func, arg):
        times = scml_bench.time_workload(func, arg, runs, min_run_s, warm_up_s)
        results.append({"id": f"{group}/{impl}/{label}", "times_s": times})

    for n in [512, 1024, 2048]:
        label = f"{n}x{n}_f64"
        a, b = general(n), symmetric(n)
        c = np.empty((n, n))
        assert np.allclose(np.matmul(a, b, out=c), a @ b)
        timed("matmul", "numpy_idiomatic", label, lambda ab: ab[0] @ ab[1],
              (a, b))
        timed("matmul", "numpy_best", label,
              lambda abc: np.matmul(abc[0], abc[1], out=abc[2]), (a, b, c))

    n = 1000
    label = f"{n}x{n}_f64"
    g, s = general(n), symmetric(n)
    rhs = (np.arange(n) % 10).astype(np.float64)
    x = np.linalg.solve(g, rhs)
    assert np.allclose(lapack.dgesv(g, rhs)[2], x)
    workloads = [
        ("solve", lambda: np.linalg.solve(g, rhs),
         lambda: lapack.dgesv(g, rhs)),
        ("cholesky", lambda: np.linalg.cholesky(s),
         lambda: lapack.dpotrf(s, lower=1)),
        ("svd", lambda: np.linalg.svd(g),
         lambda: sla.svd(g, check_finite=False, lapack_driver="gesdd")),
        ("eigh", lambda: np.linalg.eigh(s),
         lambda: lapack.dsyevd(s, compute_v=1, lower=1)),
    ]
    for group, idiomatic, best in workloads:
        timed(group, "numpy_idiomatic", label, lambda _: idiomatic(), None)
        timed(group, "numpy_best", label, lambda _: best(), None)

    scml_bench.report(results)


if __name__ == "__main__":
    main()
