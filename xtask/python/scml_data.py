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


def read_png(path):
    """An 8-bit, non-interlaced greyscale or RGB(A) PNG as a uint8 array of
    shape (height, width) or (height, width, channels), decoded with zlib
    alone (the venv has no image library); the same pixels as the `png` and
    `image` crates return on the Rust side."""
    import struct
    import zlib

    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path}: not a PNG"
    pos, chunks, header = 8, [], None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    channels = {0: 1, 2: 3, 6: 4}[colour]
    assert depth == 8 and interlace == 0, f"{path}: unsupported PNG"
    raw = np.frombuffer(zlib.decompress(b"".join(chunks)), dtype=np.uint8)
    stride = width * channels
    rows = raw.reshape(height, stride + 1)
    out = np.zeros((height, stride), dtype=np.int32)
    prev = np.zeros(stride, dtype=np.int32)
    for y in range(height):
        kind, line = rows[y, 0], rows[y, 1:].astype(np.int32)
        cur = np.zeros(stride, dtype=np.int32)
        for x in range(stride):
            a = cur[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if kind == 0:
                pred = 0
            elif kind == 1:
                pred = a
            elif kind == 2:
                pred = b
            elif kind == 3:
                pred = (a + b) // 2
            else:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
            cur[x] = (line[x] + pred) & 0xFF
        out[y], prev = cur, cur
    image = out.astype(np.uint8).reshape(height, width, channels)
    return image[:, :, 0] if channels == 1 else image
