"""Chapter 13: NumPy's memory-mapped arrays, np.memmap over a raw file and
np.load(mmap_mode="r") over an .npy file, and what NumPy does with the bad
files of advanced_mmap.rs."""

import pathlib
import tempfile

import numpy as np

tmp = pathlib.Path(tempfile.mkdtemp())

print("--8<-- raw")
# ANCHOR: raw
x = np.array([[14.23, 1.71, 2.43],
              [13.20, 1.78, 2.14],
              [13.16, 2.36, 2.67],
              [14.37, 1.95, 2.50]])
path = tmp / "wine4.f64"
x.astype("<f8").tofile(path)            # raw bytes, no header
view = np.memmap(path, dtype="<f8", mode="r", shape=(4, 3))
print("file:", path.stat().st_size, "bytes")
print("view:", type(view).__name__, view.shape, "owns data:",
      view.flags.owndata)
print("column means:", np.round(view.mean(axis=0), 4))
# ANCHOR_END: raw

print("--8<-- npy")
# ANCHOR: npy
npy = tmp / "wine4.npy"
np.save(npy, x)
view = np.load(npy, mmap_mode="r")
with open(npy, "rb") as f:
    version = np.lib.format.read_magic(f)
    header = np.lib.format.read_array_header_1_0(f)
    offset = f.tell()
print("file:", npy.stat().st_size, "bytes, header", offset, "bytes")
print("header:", version, header)
print("view:", type(view).__name__, view.shape, "row 3 =", view[3])
# ANCHOR_END: npy

print("--8<-- errors")
# ANCHOR: errors
raw = path.read_bytes()
(tmp / "cut.f64").write_bytes(raw[:80])
try:
    np.memmap(tmp / "cut.f64", dtype="<f8", mode="r", shape=(4, 3))
except ValueError as e:
    print("truncated raw:", e)
print("3 x 4 for 4 x 3:",
      np.memmap(path, dtype="<f8", mode="r", shape=(3, 4))[0])
npy_bytes = npy.read_bytes()
(tmp / "cut.npy").write_bytes(npy_bytes[:-8])
try:
    np.load(tmp / "cut.npy", mmap_mode="r")
except ValueError as e:
    print("truncated .npy:", e)
np.save(tmp / "f32.npy", x.astype(np.float32))
f32 = np.load(tmp / "f32.npy", mmap_mode="r")
print("f32 file: no error, dtype", f32.dtype, "(NumPy trusts the header)")
np.save(tmp / "big.npy", x.astype(">f8"))
big = np.load(tmp / "big.npy", mmap_mode="r")
print("big-endian .npy: no error, dtype", big.dtype, "row 3 =", big[3])
# ANCHOR_END: errors
