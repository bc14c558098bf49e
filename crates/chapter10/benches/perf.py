"""NumPy (and numba) counterpart of benches/perf.rs.

- standardize (8192 x 8192) and product (16M): chapter 1's and chapter 2's
  NumPy rows, the same functions as crates/chapter01/benches/containers.py and
  crates/chapter02/benches/memory.py, in the same run as the Rust rows.
- knn (digits, 360 test and 1437 training images, k = 5): NumPy idiomatic
  (broadcast differences, a stable argsort), NumPy best (an f32 matrix
  product and argpartition), numba's compiled loop on one thread (`numba`),
  and the same loop with parallel=True and prange on two threads
  (`numba_prange_2`, set with numba.set_num_threads, beside Rust's
  `parallel_2`).
- einsum: the chain of three matrices without and with optimize=True, the
  batched product as einsum and as np.matmul, the row-wise dot products as
  (x * y).sum(1) and as einsum.
- par_product: NumPy's product into a preallocated output (one thread: ufuncs
  do not use threads).
- oversubscribe: 64 products of order 300 as np.matmul on a stack, with
  OpenBLAS on one and on two threads (threadpoolctl).

Prints one JSON object with every timed run; `--quick` uses fewer runs.

Run: python3 crates/chapter10/benches/perf.py [--quick] [--warm-up S]
"""

import pathlib
import sys

import numba
import numpy as np
from threadpoolctl import threadpool_limits

HERE = pathlib.Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[3] / "xtask" / "python"))
import scml_bench  # noqa: E402


def table(n_rows, n_cols):
    i = np.arange(n_rows).reshape(-1, 1)
    j = np.arange(n_cols).reshape(1, -1)
    return ((37 * i + 11 * j + i * j) % 101) * 0.5 + j


def standardize_numpy_idiomatic(x):
    scale = x.std(axis=0)
    scale[scale == 0.0] = 1.0
    return (x - x.mean(axis=0)) / scale


def standardize_numpy_best(x):
    centred = x - x.mean(axis=0)
    scale = np.sqrt(np.einsum("ij,ij->j", centred, centred) / x.shape[0])
    scale[scale == 0.0] = 1.0
    centred /= scale
    return centred


def factors(n):
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


def digits_split():
    digits = np.loadtxt("data/digits.csv.gz", delimiter=",", skiprows=1)
    x, y = digits[:, :-1], digits[:, -1].astype(np.int64)
    is_test = np.arange(len(x)) % 5 == 0
    return x[~is_test], y[~is_test], x[is_test]


def knn_idiomatic(args, k=5):
    train, labels, test = args
    diff = test[:, None, :] - train[None, :, :]
    d = np.sqrt((diff ** 2).sum(axis=2))
    nearest = np.argsort(d, axis=1, kind="stable")[:, :k]
    return np.array([np.bincount(labels[row], minlength=10).argmax()
                     for row in nearest])


def knn_best(args, k=5):
    train, labels, test = args
    train32, test32 = train.astype(np.float32), test.astype(np.float32)
    d = (train32 ** 2).sum(axis=1) - 2.0 * (test32 @ train32.T)
    nearest = np.argpartition(d, k - 1, axis=1)[:, :k]
    votes = (labels[nearest][:, :, None] == np.arange(10)).sum(axis=1)
    return votes.argmax(axis=1)


def knn_loop(train, labels, test, k, i, out):
    """One test row: squared distances with the k nearest kept sorted."""
    n_features = test.shape[1]
    best_d = np.full(k, np.inf)
    best_j = np.zeros(k, dtype=np.int64)
    for j in range(train.shape[0]):
        d = 0.0
        for f in range(n_features):
            t = test[i, f] - train[j, f]
            d += t * t
        if d < best_d[k - 1]:
            at = k - 1
            while at > 0 and best_d[at - 1] > d:
                best_d[at], best_j[at] = best_d[at - 1], best_j[at - 1]
                at -= 1
            best_d[at], best_j[at] = d, j
    counts = np.zeros(10, dtype=np.int64)
    for j in best_j:
        counts[labels[j]] += 1
    out[i] = np.argmax(counts)


row = numba.njit(knn_loop)


@numba.njit
def knn_numba_rows(train, labels, test, k):
    out = np.empty(test.shape[0], dtype=np.int64)
    for i in range(test.shape[0]):
        row(train, labels, test, k, i, out)
    return out


@numba.njit(parallel=True)
def knn_numba_prange(train, labels, test, k):
    out = np.empty(test.shape[0], dtype=np.int64)
    for i in numba.prange(test.shape[0]):
        row(train, labels, test, k, i, out)
    return out


def matrix(rows, cols, seed):
    i = np.arange(rows).reshape(-1, 1)
    j = np.arange(cols).reshape(1, -1)
    return ((i * 7 + j * 3 + seed) % 11) / 10.0 - 0.5


def batch(count, rows, cols, seed):
    return np.stack([matrix(rows, cols, seed + b) for b in range(count)])


def main():
    quick, warm_up_s, runs, min_run_s = scml_bench.options()
    results = []

    def time(group, impl, size, func, arg, few=False):
        n = max(3, runs // 4) if few else runs
        times = scml_bench.time_workload(func, arg, n, min_run_s, warm_up_s)
        results.append({"id": f"{group}/{impl}/{size}", "times_s": times})

    x = table(8192, 8192)
    assert np.allclose(standardize_numpy_best(x),
                       standardize_numpy_idiomatic(x), rtol=0, atol=1e-12)
    for impl, func in [("numpy_idiomatic", standardize_numpy_idiomatic),
                       ("numpy_best", standardize_numpy_best)]:
        time("standardize", impl, "8192x8192_f64", func, x, few=True)
    del x

    ab = factors(1 << 24)
    for impl, func in [("numpy_idiomatic", product_numpy_idiomatic),
                       ("numpy_best", product_numpy_best)]:
        assert np.array_equal(func(ab), ab[0] * ab[1])
        time("product", impl, "16M_f64", func, ab)
    out = np.empty(1 << 24)
    time("par_product", "numpy_best", "16M_f64",
         lambda ab: np.multiply(ab[0], ab[1], out=out), ab)
    del ab, out

    train, labels, test = digits_split()
    expected = knn_idiomatic((train, labels, test))
    numba_rows = (lambda a: knn_numba_rows(*a, 5))
    def numba_prange(a):
        numba.set_num_threads(2)
        try:
            return knn_numba_prange(*a, 5)
        finally:
            numba.set_num_threads(1)

    numba.set_num_threads(1)
    knn = [("numpy_idiomatic", knn_idiomatic), ("numpy_best", knn_best),
           ("numba", numba_rows), ("numba_prange_2", numba_prange)]
    for impl, func in knn:
        # The first call compiles (numba); every version must agree.
        assert np.array_equal(func((train, labels, test)), expected), impl
        time("knn", impl, "digits_360x1437", func, (train, labels, test))

    a, b, c = matrix(120, 120, 0), matrix(120, 120, 1), matrix(120, 120, 2)
    chain = [("numpy_idiomatic",
              lambda m: np.einsum("ij,jk,kl->il", *m)),
             ("numpy_best",
              lambda m: np.einsum("ij,jk,kl->il", *m, optimize=True))]
    for impl, func in chain:
        assert np.allclose(func((a, b, c)), a @ b @ c, rtol=1e-12, atol=1e-12)
        time("einsum", impl, "chain_120x120_f64", func, (a, b, c))
    x, y = batch(200, 40, 40, 0), batch(200, 40, 40, 7)
    batched = [("numpy_idiomatic", lambda m: np.einsum("bij,bjk->bik", *m)),
               ("numpy_best", lambda m: np.matmul(*m))]
    for impl, func in batched:
        assert np.allclose(func((x, y)), x @ y, rtol=1e-12, atol=1e-12)
        time("einsum", impl, "batched_200x40x40_f64", func, (x, y))
    x, y = matrix(100_000, 32, 0), matrix(100_000, 32, 5)
    rowdot = [("numpy_idiomatic", lambda m: (m[0] * m[1]).sum(axis=1)),
              ("numpy_best", lambda m: np.einsum("ij,ij->i", *m))]
    for impl, func in rowdot:
        assert np.allclose(func((x, y)), (x * y).sum(1), rtol=0, atol=1e-12)
        time("einsum", impl, "rowdot_100000x32_f64", func, (x, y))

    a, b = batch(64, 300, 300, 0), batch(64, 300, 300, 3)
    for threads in (1, 2):
        with threadpool_limits(limits=threads, user_api="blas"):
            time("oversubscribe", f"numpy_matmul_blas{threads}",
                 "64_dgemm_300", lambda m: np.matmul(*m), (a, b))

    scml_bench.report(results)


if __name__ == "__main__":
    main()
