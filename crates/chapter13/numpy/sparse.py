"""Chapter 13: MNIST's pixels as a scipy.sparse CSR array, its memory, a
sparse x dense product and a nearest-centroid classifier (the twin of
advanced_sparse.rs)."""

import numpy as np
import scipy.sparse as sp

print("--8<-- build")
# ANCHOR: build
table = np.loadtxt("data/mnist_5k.csv.gz", delimiter=",", skiprows=1)
dense, target = table[:, :-1], table[:, -1].astype(int)
x = sp.csr_array(dense)
print("shape", x.shape, "nnz", x.nnz, f"density {x.nnz / dense.size:.4f}")
print("index dtypes:", x.indices.dtype, x.indptr.dtype)
csr_mb = (x.data.nbytes + x.indices.nbytes + x.indptr.nbytes) / 1e6
print(f"dense {dense.nbytes / 1e6:.2f} MB, CSR {csr_mb:.2f} MB")
csc = x.tocsc()
print("pixels never inked:", np.sum(np.diff(csc.indptr) == 0), "of",
      x.shape[1])
# ANCHOR_END: build

print("--8<-- product")
# ANCHOR: product
i, j = np.indices((784, 10))
w = ((i * 7 + j * 3) % 11) / 8.0 - 5.0 / 8.0
out = x @ w                              # a dense ndarray
print("x @ w:", type(out).__name__, out.shape, "equal to dense:",
      np.array_equal(out, dense @ w))
print("row 0, first 5:", out[0, :5])
try:
    x @ w.T
except ValueError as e:
    print("x @ w.T:", e)
# ANCHOR_END: product

print("--8<-- centroids")
# ANCHOR: centroids
centroids = np.stack([dense[target == c].mean(axis=0) for c in range(10)])
scores = 2 * (x @ centroids.T) - (centroids**2).sum(axis=1)
predicted = scores.argmax(axis=1)
print("nearest centroid:", np.sum(predicted == target), "of", len(target),
      "right on the training set")
# ANCHOR_END: centroids
