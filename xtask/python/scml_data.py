"""Data shared by the NumPy side of benchmarks, listings and test fixtures.

SplitMix64 of a counter is the generator the Rust side uses wherever a
benchmark or a test needs the same pseudo-random numbers in both languages
(`crates/chapter03/benches/selection.rs`, `crates/chapter07/src/select.rs`);
this is its one NumPy twin. A script adds this folder to `sys.path` and imports
it (bench scripts already do, for `scml_bench`).
"""

import csv

import numpy as np

PENGUIN_MEASUREMENTS = ["bill_length_mm", "bill_depth_mm",
                        "flipper_length_mm", "body_mass_g"]


def load_penguins(path="data/penguins.csv"):
    """The Palmer penguins, as `support::data::load_penguins` reads them on
    the Rust side: the four measurements as a float64 table with NaN for
    "NA", and the species, island and sex columns as string arrays (a missing
    sex stays the string "NA", where Rust has `None`)."""
    with open(path) as f:
        table = list(csv.DictReader(f))
    x = np.array([[np.nan if row[n] == "NA" else float(row[n])
                   for n in PENGUIN_MEASUREMENTS] for row in table])
    species, island, sex = (np.array([row[c] for row in table])
                            for c in ("species", "island", "sex"))
    return x, species, island, sex


def splitmix64(i):
    """SplitMix64 of the uint64 counters `i`: output i + 1 from seed 0.

    The arithmetic wraps modulo 2**64, as Rust's `wrapping_mul` does.
    """
    with np.errstate(over="ignore"):
        z = (i + np.uint64(1)) * np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def splitmix_uniform(n):
    """`chapter07::select::splitmix_uniform`: `n` values in [0, 100), the
    top 53 bits of each output times 100 / 2**53."""
    z = splitmix64(np.arange(n, dtype=np.uint64))
    return (z >> np.uint64(11)).astype(np.float64) * (100.0 / 2.0**53)
