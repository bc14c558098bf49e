"""NumPy counterpart of benches/distances.rs: pairwise Euclidean distances
between two sets of 2000 points in 64 dimensions.

- numpy_idiomatic: the broadcast np.sqrt(((X[:, None, :] - Y[None, :, :])**2)
  .sum(-1)), which builds one 2 GB temporary, the differences (** 2 squares
  them in the same buffer, which NumPy reuses since nothing else refers to
  it: tracemalloc's peak is one cube plus the result).
- numpy_dot_trick: ||x||^2 + ||y||^2 - 2 x.y with one matrix product (OpenBLAS
  through X @ Y.T) and in-place operations, clamped at 0 before the square
  root.
- numpy_best: the faster (checked below, printed to stderr) of the dot trick
  with every step into one preallocated output (np.matmul(..., out=)) and
  scipy.spatial.distance.cdist(..., out=).
- xyt_product: the matrix product X @ Y.T alone (idiomatic), and into a
  preallocated output (best), to show how much of the trick is the GEMM.

Prints one JSON object with every timed run; `--quick` uses fewer runs.

Run: python3 crates/chapter06/benches/distances.py [--quick] [--warm-up S]
"""

import pathlib
import sys
import time

import numpy as np
from scipy.spatial.distance import cdist

HERE = pathlib.Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[3] / "xtask" / "python"))
import scml_bench  # noqa: E402

N, D, LABEL = 2000, 64, "2000x2000_d64"


def points():
    """distances.rs's points: ((7i + 3k) mod 101) / 101, ((5j + 11k) mod 97) / 97."""
    i = np.arange(N)[:, None]
    k = np.arange(D)[None, :]
    x = ((7 * i + 3 * k) % 101) / 101.0
    y = ((5 * i + 11 * k) % 97) / 97.0
    return x, y


def idiomatic(xy):
    x, y = xy
    return np.sqrt(((x[:, None, :] - y[None, :, :]) ** 2).sum(-1))


def dot_trick(xy):
    x, y = xy
    xx = np.einsum("ij,ij->i", x, x)
    yy = np.einsum("ij,ij->i", y, y)
    g = x @ y.T
    g *= -2.0
    g += xx[:, None]
    g += yy[None, :]
    np.maximum(g, 0.0, out=g)
    return np.sqrt(g, out=g)


def dot_trick_into(xyo):
    """The dot trick with every step written into one preallocated output."""
    x, y, out = xyo
    xx = np.einsum("ij,ij->i", x, x)
    yy = np.einsum("ij,ij->i", y, y)
    np.matmul(x, y.T, out=out)
    out *= -2.0
    out += xx[:, None]
    out += yy[None, :]
    np.maximum(out, 0.0, out=out)
    return np.sqrt(out, out=out)


def scipy_cdist(xy):
    x, y = xy
    return cdist(x, y)


def scipy_cdist_into(xyo):
    x, y, out = xyo
    return cdist(x, y, out=out)


def main():
    quick, warm_up_s, runs, min_run_s = scml_bench.options()
    xy = points()
    xyo = (*xy, np.empty((N, N)))
    expected = scipy_cdist(xy)
    for func in [idiomatic, dot_trick]:
        assert np.allclose(func(xy), expected, rtol=1e-10, atol=0)
    for func in [dot_trick_into, scipy_cdist_into]:
        assert np.allclose(func(xyo), expected, rtol=1e-10, atol=0)

    # Which is the best NumPy/SciPy version? Time one call of each, a few
    # times, and keep the faster.
    def once(func):
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            func(xy)
            best = min(best, time.perf_counter() - start)
        return best

    def once_into(func):
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            func(xyo)
            best = min(best, time.perf_counter() - start)
        return best

    t_dot, t_cdist = once_into(dot_trick_into), once_into(scipy_cdist_into)
    best = scipy_cdist_into if t_cdist < t_dot else dot_trick_into
    print(f"dot trick {t_dot * 1e3:.1f} ms, cdist {t_cdist * 1e3:.1f} ms "
          f"(both with out=): numpy_best is {best.__name__}", file=sys.stderr)

    results = []
    workloads = [("numpy_idiomatic", idiomatic, xy),
                 ("numpy_dot_trick", dot_trick, xy),
                 ("numpy_best", best, xyo)]
    for impl, func, arg in workloads:
        times = scml_bench.time_workload(func, arg, runs, min_run_s, warm_up_s)
        results.append({"id": f"pairwise/{impl}/{LABEL}", "times_s": times})
    # The matrix product alone: how much of the trick is the GEMM.
    x, y = xy
    out = np.empty((N, N))
    gemm = [("numpy_idiomatic", lambda xy: xy[0] @ xy[1].T),
            ("numpy_best", lambda xy: np.matmul(xy[0], xy[1].T, out=out))]
    for impl, func in gemm:
        times = scml_bench.time_workload(func, xy, runs, min_run_s, warm_up_s)
        results.append({"id": f"xyt_product/{impl}/{LABEL}", "times_s": times})
    scml_bench.report(results)


if __name__ == "__main__":
    main()
