"""NumPy/SciPy counterpart of benches/advanced_sparse.rs: x @ w with w the
784 x 10 matrix of multiples of 1/8, on MNIST's 5000 x 784 pixels scaled to
[0, 1] (19% nonzero) and on a 1%-dense SplitMix64 matrix built as
`chapter13::sparse::random_sparse` builds it.

- scipy_csr: scipy.sparse.csr_array(x) @ w.
- numpy_dense: x @ w on the dense array (BLAS).

Prints one JSON object with every timed run; `--quick` uses fewer runs;
`--warm-up S` warms each workload up for S seconds first.

Run: python3 crates/chapter13/benches/advanced_sparse.py [--quick]
"""

import pathlib
import sys

import numpy as np
import scipy.sparse as sp

HERE = pathlib.Path(__file__).resolve()
ROOT = HERE.parents[3]
sys.path.insert(0, str(ROOT / "xtask" / "python"))
import scml_bench  # noqa: E402
from scml_data import splitmix64  # noqa: E402


def random_sparse(rows, cols, density):
    z = splitmix64(np.arange(rows * cols, dtype=np.uint64))
    u = (z >> np.uint64(11)).astype(np.float64) / 2.0**53
    return np.where(u < density, 1.0 - u / density, 0.0).reshape(rows, cols)


def main():
    quick, warm_up_s, runs, min_run_s = scml_bench.options()
    table = np.loadtxt(ROOT / "data" / "mnist_5k.csv.gz", delimiter=",",
                       skiprows=1)
    i, j = np.indices((784, 10))
    w = ((i * 7 + j * 3) % 11) / 8.0 - 5.0 / 8.0
    inputs = [("mnist_5000x784", table[:, :-1] / 255.0),
              ("random_5000x784_1pct", random_sparse(5000, 784, 0.01))]
    results = []
    for label, dense in inputs:
        x = sp.csr_array(dense)
        assert np.allclose(x @ w, dense @ w, rtol=0, atol=1e-9)
        for impl, func, arg in [("scipy_csr", lambda a: a @ w, x),
                                ("numpy_dense", lambda a: a @ w, dense)]:
            times = scml_bench.time_workload(func, arg, runs, min_run_s,
                                             warm_up_s)
            results.append({"id": f"xw/{impl}/{label}", "times_s": times})
    scml_bench.report(results)


if __name__ == "__main__":
    main()
