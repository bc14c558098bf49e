"""The debugging clinic's scenarios in NumPy: what the same mistakes do there
(some raise as ndarray panics, some are quietly handled, some are silent in
both)."""

import textwrap
import warnings

import numpy as np


def show(error):
    """An exception's message, wrapped to the book's 80 columns."""
    return textwrap.fill(str(error), 76, initial_indent="  ",
                         subsequent_indent="  ")


print("--8<-- dot")
# ANCHOR: dot
x = np.add.outer(np.arange(4.0), np.arange(3.0))  # 4 x 3, x[i, j] = i + j
w = np.array([[1.0, 0.0, -1.0], [0.5, 0.5, 0.5]])
try:
    x @ w
except ValueError as e:
    print("x @ w raises ValueError:\n" + show(e))
print("x @ w.T has shape", (x @ w.T).shape)
# ANCHOR_END: dot

print("--8<-- broadcast")
# ANCHOR: broadcast
row_means = x.mean(axis=1)  # shape (4,)
try:
    x - row_means
except ValueError as e:
    print("x - row_means raises ValueError:\n" + show(e))
print(x - x.mean(axis=1, keepdims=True))  # (4, 3) - (4, 1)
# ANCHOR_END: broadcast

print("--8<-- reshape")
# ANCHOR: reshape
flat = x.T.reshape(12)  # no error: NumPy copies when it must
print("x.T.reshape(12) =", flat)
print("shares memory with x:", np.shares_memory(flat, x))
# ANCHOR_END: reshape

print("--8<-- overflow")
# ANCHOR: overflow
img = np.full((10, 30), 255, dtype=np.uint8)
print("img.sum() =", img.sum(), "of dtype", img.sum().dtype)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    pixel = img[0, 0] + img[0, 1]  # two uint8 scalars
print("img[0, 0] + img[0, 1] =", pixel, "with a warning:")
print(show(caught[0].message))
print("img + img: max", (img + img).max(), "of dtype", (img + img).dtype)
# ANCHOR_END: overflow

print("--8<-- nan")
# ANCHOR: nan
t = np.array([21.5, 22.0, np.nan, 23.5, 22.5])
print("t.mean() =", t.mean(), " t.max() =", t.max())
print("np.nanmean(t) =", np.nanmean(t))
print("np.sort(t) =", np.sort(t))
# ANCHOR_END: nan

print("--8<-- f32")
# ANCHOR: f32
x32 = np.full(10_000_000, 0.1, dtype=np.float32)
print(f"x32.sum() = {x32.sum():.0f} (pairwise summation)")
print(f"np.cumsum(x32)[-1] = {np.cumsum(x32)[-1]:.0f} (one running total)")
print(f"x32.sum(dtype=np.float64) = {x32.sum(dtype=np.float64):.4f}")
# ANCHOR_END: f32

print("--8<-- singular")
# ANCHOR: singular
a = np.array([[1.0, 2.0], [3.0, 6.0]])
b = np.array([5.0, 15.0])
try:
    np.linalg.solve(a, b)
except np.linalg.LinAlgError as e:
    print("np.linalg.solve raises LinAlgError:", e)
solution, _, rank, _ = np.linalg.lstsq(a, b)
print("np.linalg.lstsq: x =", solution.round(6), "rank", rank)
# ANCHOR_END: singular

print("--8<-- windows")
# ANCHOR: windows
s = np.arange(1.0, 7.0)
print("s[5:8] =", s[5:8], "(slicing past the end is silent)")
print("np.convolve(s, np.ones(3), 'valid') =",
      np.convolve(s, np.ones(3), "valid"))
# ANCHOR_END: windows
