"""NumPy and scikit-learn counterpart of benches/kmeans.rs: one Lloyd
iteration (assignment, then update) on 100000 points in 16 dimensions, k =
8, from the same starting centroids (the first 8 points), on the same
numbers (chapter12::kmeans::synthetic_blobs: SplitMix64 centres in [0, 10)
plus uniform noise in [-2, 2)).

- numpy_idiomatic: a plain NumPy iteration with the GEMM trick: the cross
  terms x @ c.T (BLAS dgemm), the argmin per row, and the new centroids
  from np.add.at sums and np.bincount counts.
- sklearn_lloyd: scikit-learn's own Lloyd kernel,
  sklearn.cluster._k_means_lloyd.lloyd_iter_chunked_dense (what
  KMeans(algorithm="lloyd") runs once per iteration: chunked GEMM
  distances and per-chunk sums), with n_threads=1 and BLAS limited to one
  thread by threadpoolctl.

Prints one JSON object with every timed run (see the book's benchmark
conventions); `--quick` uses fewer runs; `--warm-up S` warms each workload
up for S seconds first.

Run: python3 crates/chapter12/benches/kmeans.py [--quick] [--warm-up S]
"""

import pathlib
import sys

import numpy as np
from sklearn.cluster._k_means_lloyd import lloyd_iter_chunked_dense
from threadpoolctl import threadpool_limits

HERE = pathlib.Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[3] / "xtask" / "python"))
import scml_bench  # noqa: E402
from scml_data import splitmix64  # noqa: E402

N, D, K, LABEL = 100_000, 16, 8, "100k_x16_k8"


def unit(start, n):
    """chapter12::splitmix_unit: [0, 1) from counters start..start + n."""
    z = splitmix64(np.arange(start, start + n, dtype=np.uint64))
    return (z >> np.uint64(11)).astype(np.float64) / 2.0**53


def blobs(n, d, k):
    centres = unit(0, k * d).reshape(k, d)
    noise = unit(k * d, n * d).reshape(n, d)
    return 10.0 * centres[np.arange(n) % k] + 4.0 * noise - 2.0


def lloyd_numpy(args):
    x, c = args
    d2 = -2.0 * (x @ c.T) + (c**2).sum(axis=1)   # ‖x‖² is the same per row
    labels = d2.argmin(axis=1)
    sums = np.zeros_like(c)
    np.add.at(sums, labels, x)
    counts = np.bincount(labels, minlength=len(c))
    return sums / counts[:, None]


def lloyd_sklearn(args):
    x, c, weights, new, in_clusters, labels, shift = args
    lloyd_iter_chunked_dense(x, weights, c, new, in_clusters, labels, shift,
                             1)
    return new


def main():
    quick, warm_up_s, runs, min_run_s = scml_bench.options()
    x = blobs(N, D, K)
    c = x[:K].copy()
    sk_args = (x, c, np.ones(N), np.empty_like(c), np.empty(K),
               np.empty(N, dtype=np.int32), np.empty(K))
    results = []
    with threadpool_limits(limits=1):
        expected = lloyd_numpy((x, c))
        assert np.allclose(lloyd_sklearn(sk_args), expected, rtol=1e-12)
        for impl, func, arg in [("numpy_idiomatic", lloyd_numpy, (x, c)),
                                ("sklearn_lloyd", lloyd_sklearn, sk_args)]:
            times = scml_bench.time_workload(func, arg, runs, min_run_s,
                                             warm_up_s)
            results.append({"id": f"lloyd_iteration/{impl}/{LABEL}",
                            "times_s": times})
    scml_bench.report(results)


if __name__ == "__main__":
    main()
