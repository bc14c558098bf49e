"""NumPy/SciPy counterpart of benches/softmax.rs: softmax over the rows of the
digits' scaled dot-product scores (1797 x 1797, x x^T / 8).

Idiomatic: scipy.special.softmax(s, axis=1) (which subtracts each row's
maximum, as the stable version must). Best: the same passes in place into a
preallocated array: subtract the row maxima, exp, divide by the row sums,
each with out=.

Run: python3 crates/chapter04/benches/softmax.py [--quick] [--warm-up S]
"""

import gzip
import pathlib
import sys

import numpy as np
from scipy.special import softmax

HERE = pathlib.Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[3] / "xtask" / "python"))
import scml_bench  # noqa: E402


def scores():
    with gzip.open("data/digits.csv.gz", "rt") as f:
        x = np.loadtxt(f, delimiter=",", skiprows=1)[:, :-1]
    return x @ x.T / np.sqrt(x.shape[1])


# ANCHOR: best
def softmax_numpy_idiomatic(s):
    return softmax(s, axis=1)


def softmax_numpy_best(so):
    s, o = so
    np.subtract(s, s.max(axis=1, keepdims=True), out=o)
    np.exp(o, out=o)
    o /= o.sum(axis=1, keepdims=True)
    return o
# ANCHOR_END: best


def main():
    quick, warm_up_s, runs, min_run_s = scml_bench.options()
    s = scores()
    label = "digits_1797x1797_f64"
    o = np.empty_like(s)
    expected = softmax_numpy_idiomatic(s)
    assert np.allclose(softmax_numpy_best((s, o)), expected, rtol=1e-12,
                       atol=1e-15)
    results = []
    for impl, func, arg in [("numpy_idiomatic", softmax_numpy_idiomatic, s),
                            ("numpy_best", softmax_numpy_best, (s, o))]:
        times = scml_bench.time_workload(func, arg, runs, min_run_s, warm_up_s)
        results.append({"id": f"softmax/{impl}/{label}", "times_s": times})
    scml_bench.report(results)


if __name__ == "__main__":
    main()
