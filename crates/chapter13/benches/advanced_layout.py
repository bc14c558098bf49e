"""NumPy counterpart of benches/advanced_layout.rs: the mean body mass of
each species over 10M records built from SplitMix64 as
`chapter13::records::synthetic_penguins` builds them.

- numpy_idiomatic: a structured array (array of structs, 40-byte records);
  a boolean mask per species over its strided `species` field, then the
  mean of the masked `body_mass_g` field.
- numpy_best: the same fields copied once into contiguous columns (struct
  of arrays), then `np.bincount` with weights: one pass for all species.

Prints one JSON object with every timed run; `--quick` uses fewer runs;
`--warm-up S` warms each workload up for S seconds first.

Run: python3 crates/chapter13/benches/advanced_layout.py [--quick]
"""

import pathlib
import sys

import numpy as np

HERE = pathlib.Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[3] / "xtask" / "python"))
import scml_bench  # noqa: E402
from scml_data import splitmix64  # noqa: E402

N, LABEL = 10_000_000, "10M_records"
DTYPE = np.dtype({
    "names": ["bill_length_mm", "bill_depth_mm", "flipper_length_mm",
              "body_mass_g", "year", "species", "sex"],
    "formats": ["<f8", "<f8", "<f8", "<f8", "<u2", "u1", "u1"],
    "offsets": [0, 8, 16, 24, 32, 34, 35],
    "itemsize": 40,
}, align=True)


def records(n):
    z = splitmix64(np.arange(n, dtype=np.uint64))
    u = (z >> np.uint64(11)).astype(np.float64) * (1.0 / 2.0**53)
    rec = np.zeros(n, dtype=DTYPE)
    rec["body_mass_g"] = 2700.0 + 3600.0 * u
    rec["species"] = (z % np.uint64(3)).astype(np.uint8)
    return rec


def mean_mass_idiomatic(rec):
    return [rec["body_mass_g"][rec["species"] == s].mean() for s in range(3)]


def mean_mass_best(columns):
    mass, species = columns
    sums = np.bincount(species, weights=mass, minlength=3)
    return sums / np.bincount(species, minlength=3)


def main():
    quick, warm_up_s, runs, min_run_s = scml_bench.options()
    rec = records(N)
    columns = (np.ascontiguousarray(rec["body_mass_g"]),
               np.ascontiguousarray(rec["species"]))
    expected = mean_mass_idiomatic(rec)
    assert np.allclose(mean_mass_best(columns), expected, rtol=1e-12, atol=0)
    results = []
    for impl, func, arg in [("numpy_idiomatic", mean_mass_idiomatic, rec),
                            ("numpy_best", mean_mass_best, columns)]:
        times = scml_bench.time_workload(func, arg, runs, min_run_s, warm_up_s)
        results.append({"id": f"mean_mass/{impl}/{LABEL}", "times_s": times})
    scml_bench.report(results)


if __name__ == "__main__":
    main()
