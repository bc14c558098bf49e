# The hands-on in NumPy and SciPy: softmax over the rows of the digits'
# scaled dot-product scores, naive and stable.
import gzip

import numpy as np
from scipy.special import logsumexp, softmax

print("--8<-- scores")
# ANCHOR: scores
with gzip.open("data/digits.csv.gz", "rt") as f:
    table = np.loadtxt(f, delimiter=",", skiprows=1)
x, labels = table[:, :-1], table[:, -1]
s = x @ x.T / np.sqrt(x.shape[1])
print("scores:", s.shape, "largest", s.max())
with np.errstate(over="ignore"):
    print("exp(largest) =", np.exp(s.max()))
# ANCHOR_END: scores

print("--8<-- naive")
# ANCHOR: naive
with np.errstate(over="ignore", invalid="ignore"):
    e = np.exp(s)
    naive = e / e.sum(axis=1, keepdims=True)
print("naive:", np.isnan(naive).any(axis=1).sum(), "of", len(s),
      "rows contain NaN")
# ANCHOR_END: naive

print("--8<-- stable")
# ANCHOR: stable
p = softmax(s, axis=1)
lse = logsumexp(s, axis=1)
off = np.abs(p.sum(axis=1) - 1).max()  # rounding level: digits vary by CPU
print("largest |row sum - 1|", "< 1e-14" if off < 1e-14 else f"{off:.1e}")
print("row 0: largest weight", f"{p[0].max():.6f}")
print("rows whose largest weight is on the same digit:",
      (labels[p.argmax(axis=1)] == labels).sum())
print("logsumexp of rows 0..3:", np.round(lse[:3], 6))
# ANCHOR_END: stable
