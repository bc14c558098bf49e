"""Chapter 14: five of the workbook's one-liners on real data, in NumPy (the
Rust example `workbook_tour` calls the exercises' solutions on the same
data)."""

import numpy as np

print("--8<-- sunspots")
# ANCHOR: sunspots
sun = np.loadtxt("data/sunspots_yearly.csv", delimiter=",", skiprows=1)
years, s = sun[:, 0].astype(int), sun[:, 1]
smooth = np.convolve(s, np.ones(11) / 11, mode="valid")  # exercise 10
peaks = np.flatnonzero((s[1:-1] > s[:-2]) & (s[1:-1] > s[2:])) + 1  # 36
record = np.maximum.accumulate(s)  # exercise 31
print("11-year means:", ", ".join(f"{v:.2f}" for v in smooth[:4]), "...")
print(f"{len(peaks)} local maxima, the last three in",
      years[peaks[-3:]].tolist())
print("new records in", years[np.flatnonzero(np.diff(record) > 0) + 1][-3:]
      .tolist())
# ANCHOR_END: sunspots

print("--8<-- wine")
# ANCHOR: wine
table = np.loadtxt("data/wine.csv", delimiter=",", skiprows=1)
x, label = table[:, :-1], table[:, -1].astype(int)
z = (x - x.mean(axis=0)) / x.std(axis=0)  # exercise 20
centroids = np.stack([z[label == k].mean(axis=0) for k in range(3)])
nearest = ((z[:, None] - centroids[None]) ** 2).sum(-1).argmin(axis=1)  # 22
counts, _ = np.histogram(x[:, 0], bins=8, range=(11.0, 15.0))  # exercise 38
print(f"nearest class mean is the class for {(nearest == label).sum()}"
      f" of {len(label)} wines")
print("alcohol histogram on [11, 15]:", counts.tolist())
# ANCHOR_END: wine
