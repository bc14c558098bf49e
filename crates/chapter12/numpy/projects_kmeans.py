"""Project 2 in NumPy: the GEMM distance trick for the assignment step, and
scikit-learn's KMeans on iris (best of 10 k-means++ restarts)."""

import numpy as np
from sklearn.cluster import KMeans

np.set_printoptions(precision=3, suppress=True)

print("--8<-- assign")
# ANCHOR: assign
data = np.loadtxt("data/iris.csv", delimiter=",", skiprows=1)
x = data[:, :4]
c = x[[0, 50, 100]]                      # three starting centroids
# ‖x − c‖² = ‖x‖² − 2 x·c + ‖c‖²: one (150, 3) matrix product
d2 = (x**2).sum(1)[:, None] - 2 * x @ c.T + (c**2).sum(1)[None, :]
labels = d2.argmin(axis=1)
print("cluster sizes:", np.bincount(labels, minlength=3))
print("inertia:", round(d2[np.arange(len(x)), labels].sum(), 4))
# ANCHOR_END: assign

print("--8<-- sklearn")
# ANCHOR: sklearn
km = KMeans(n_clusters=3, n_init=10, random_state=0).fit(x)
print(f"inertia {km.inertia_:.4f} after {km.n_iter_} iterations")
print("centroids:")
print(km.cluster_centers_[np.argsort(km.cluster_centers_[:, 2])])
# ANCHOR_END: sklearn
