# Pairwise distances between the 178 wines (raw units) three ways: the
# broadcast, the dot-product trick, and SciPy's cdist.
import warnings

import numpy as np
from scipy.spatial.distance import cdist

wine = np.loadtxt("data/wine.csv", delimiter=",", skiprows=1)[:, :-1]

print("--8<-- naive")
# ANCHOR: naive
X = wine                                           # (178, 13)
diff = X[:, None, :] - X[None, :, :]               # (178, 178, 13)
naive = np.sqrt((diff ** 2).sum(axis=-1))          # (178, 178)
print(diff.shape, f"{diff.nbytes:,} bytes")
print(np.abs(naive - cdist(X, X)).max())
# ANCHOR_END: naive

print("--8<-- trick")
# ANCHOR: trick
sq_norms = np.einsum("ij,ij->i", X, X)             # ||x_i||^2, (178,)
sq = sq_norms[:, None] + sq_norms[None, :] - 2.0 * (X @ X.T)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    trick = np.sqrt(sq)
print(f"largest ||x||^2: {sq_norms.max():.1f}")
print("negative squared distances:", (sq < 0).sum())
print("NaN distances:", np.isnan(trick).sum(), "|", caught[0].message)
print("non-zero self-distances:", (np.diag(sq) != 0).sum())
clamped = np.sqrt(np.maximum(sq, 0.0))
print(f"largest self-distance after clamping: {np.diag(clamped).max():.2e}")
reference = cdist(X, X)
off = ~np.eye(len(X), dtype=bool)
rel = np.abs(clamped - reference)[off] / reference[off]
print(f"largest relative error off the diagonal: {rel.max():.1e}")
# ANCHOR_END: trick
