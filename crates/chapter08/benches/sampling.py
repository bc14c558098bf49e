"""NumPy counterpart of benches/sampling.rs: random normals and permutations.

- standard_normal: 10M standard normal float64 draws from a PCG64
  Generator. Idiomatic: rng.standard_normal(10_000_000), a fresh array.
  Best: rng.standard_normal(out=buf) into a preallocated buffer.
- permutation: a random permutation of 10M indices. Idiomatic:
  rng.permutation(n), which builds np.arange(n) and shuffles it. Best:
  rng.shuffle(buf) of an existing int64 buffer, in place.

Prints one JSON object with every timed run (see the book's benchmark
conventions); `--quick` uses fewer runs; `--warm-up S` warms each workload up
for S seconds first.

Run: python3 crates/chapter08/benches/sampling.py [--quick] [--warm-up S]
"""

import pathlib
import sys

import numpy as np

# The shared timing method, xtask/python/scml_bench.py.
HERE = pathlib.Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[3] / "xtask" / "python"))
import scml_bench  # noqa: E402

N, LABEL = 10_000_000, "10M"


def normal_numpy_idiomatic(rng):
    return rng.standard_normal(N)


def normal_numpy_best(rng_buf):
    rng, buf = rng_buf
    return rng.standard_normal(out=buf)


def permutation_numpy_idiomatic(rng):
    return rng.permutation(N)


def permutation_numpy_best(rng_buf):
    rng, buf = rng_buf
    rng.shuffle(buf)
    return buf


def main():
    quick, warm_up_s, runs, min_run_s = scml_bench.options()
    rng = np.random.default_rng(1)
    results = []

    x = normal_numpy_idiomatic(rng)
    assert abs(x.mean()) < 0.0016 and abs(x.var() - 1) < 0.0023
    buf = np.empty(N)
    for impl, func, arg in [("numpy_idiomatic", normal_numpy_idiomatic, rng),
                            ("numpy_best", normal_numpy_best, (rng, buf))]:
        times = scml_bench.time_workload(func, arg, runs, min_run_s, warm_up_s)
        results.append({"id": f"standard_normal/{impl}/{LABEL}",
                        "times_s": times})

    order = np.arange(N)
    p = permutation_numpy_idiomatic(rng)
    assert np.array_equal(np.sort(p), order)
    for impl, func, arg in [
            ("numpy_idiomatic", permutation_numpy_idiomatic, rng),
            ("numpy_best", permutation_numpy_best, (rng, order))]:
        times = scml_bench.time_workload(func, arg, runs, min_run_s, warm_up_s)
        results.append({"id": f"permutation/{impl}/{LABEL}",
                        "times_s": times})

    scml_bench.report(results)


if __name__ == "__main__":
    main()
