# np.histogram of the wine data's alcohol: ten equal bins from the minimum
# to the maximum; the last bin includes its right edge.
import numpy as np

print("--8<-- histogram")
# ANCHOR: histogram
wine = np.loadtxt("data/wine.csv", delimiter=",", skiprows=1)
counts, edges = np.histogram(wine[:, 0], bins=10)
print("np.histogram:", counts, "total", counts.sum())
print("edges:", edges.round(3))
# ANCHOR_END: histogram
