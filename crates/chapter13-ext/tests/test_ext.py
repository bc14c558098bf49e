"""Chapter 13's extension module `scml_ext`, checked against NumPy and timed beside it.

The README's test command runs this file with the reference venv's Python after the xtask has
built the module with maturin and installed it there. It prints a cargo-style summary line, so
that its tests count in the command's total.
"""

import sys
import threading
import time
import unittest

import numpy as np

import scml_ext


def data(rows=2_000, cols=7, seed=0):
    """Columns with different means and spreads, like unscaled features."""
    rng = np.random.default_rng(seed)
    return rng.standard_normal((rows, cols)) * np.arange(1, cols + 1) + 10.0


class Std(unittest.TestCase):
    def test_matches_numpy_for_each_ddof(self):
        x = np.random.default_rng(1).standard_normal(1_000_003) * 3.0 + 5.0
        for ddof in (0, 1):
            # The blocked kernel sums in another order than NumPy's pairwise sum.
            self.assertAlmostEqual(scml_ext.std(x, ddof=ddof), np.std(x, ddof=ddof), delta=1e-12)

    def test_refuses_strided_input_it_cannot_read_as_one_slice(self):
        x = np.linspace(0.0, 1.0, 11)
        with self.assertRaisesRegex(ValueError, "contiguous"):
            scml_ext.std(x[::2])

    def test_wrong_dtype_and_too_few_values_are_errors(self):
        with self.assertRaises(TypeError):
            scml_ext.std(np.arange(5))
        with self.assertRaisesRegex(ValueError, "more than ddof = 1"):
            scml_ext.std(np.array([1.0]), ddof=1)

    def test_threads_share_the_kernel(self):
        # The kernel runs with the interpreter lock released, so two Python threads may run
        # it at once on the same array (read-only): both get the right answer.
        x = np.random.default_rng(2).standard_normal(2_000_000)
        results = []
        threads = [threading.Thread(target=lambda: results.append(scml_ext.std(x))) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(len(results), 2)
        for r in results:
            self.assertAlmostEqual(r, np.std(x), delta=1e-12)


class Standardize(unittest.TestCase):
    def test_new_array_matches_numpy(self):
        x = data()
        expected = (x - x.mean(axis=0)) / x.std(axis=0)
        z = scml_ext.standardize(x)
        self.assertEqual(z.shape, x.shape)
        self.assertEqual(z.dtype, np.float64)
        np.testing.assert_allclose(z, expected, rtol=0, atol=1e-13)
        # The result lives in Rust's buffer, which NumPy keeps alive: no copy on return.
        self.assertFalse(z.flags["OWNDATA"])

    def test_strided_views_are_read_in_place(self):
        x = data()[:, ::2]
        np.testing.assert_allclose(
            scml_ext.standardize(x), (x - x.mean(axis=0)) / x.std(axis=0), rtol=0, atol=1e-13
        )

    def test_in_place_writes_into_the_callers_array(self):
        x = data()
        expected = scml_ext.standardize(x)
        scml_ext.standardize_inplace(x)
        np.testing.assert_array_equal(x, expected)

    def test_read_only_arrays_are_refused_in_place(self):
        x = data()
        x.setflags(write=False)
        with self.assertRaisesRegex(TypeError, "not writeable"):
            scml_ext.standardize_inplace(x)

    def test_constant_columns_and_empty_input(self):
        x = data()
        x[:, 3] = 4.0
        z = scml_ext.standardize(x)
        np.testing.assert_array_equal(z[:, 3], 0.0)  # scale 0 is replaced by 1, as sklearn does
        with self.assertRaisesRegex(ValueError, "empty"):
            scml_ext.standardize(np.zeros((0, 3)))


def best_of(f, repeat=5):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return min(times)


def timings():
    """Times printed for the reader (machine-dependent, so not asserted)."""
    x = np.random.default_rng(3).standard_normal(10_000_000)
    X = data(rows=200_000, cols=20)
    rows = [
        ("std, 10M values", lambda: np.std(x), lambda: scml_ext.std(x)),
        (
            "standardize, 200000 x 20",
            lambda: (X - X.mean(axis=0)) / X.std(axis=0),
            lambda: scml_ext.standardize(X),
        ),
    ]
    for name, numpy_way, rust_way in rows:
        n, r = best_of(numpy_way), best_of(rust_way)
        print(f"timing: {name}: NumPy {n * 1e3:.1f} ms, scml_ext {r * 1e3:.1f} ms ({n / r:.1f}x)")


if __name__ == "__main__":
    result = unittest.TextTestRunner(stream=sys.stderr, verbosity=2).run(
        unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__])
    )
    timings()
    failed = len(result.failures) + len(result.errors)
    status = "ok" if failed == 0 else "FAILED"
    print(f"test result: {status}. {result.testsRun - failed} passed; {failed} failed; 0 ignored")
    sys.exit(0 if failed == 0 else 1)
