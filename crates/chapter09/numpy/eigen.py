# Eigenvalues in NumPy: np.linalg.eigh for symmetric matrices (ascending,
# real) and np.linalg.eig for general ones (complex).
import numpy as np

# ANCHOR: eigen
x = np.loadtxt("data/iris.csv", delimiter=",", skiprows=1)[:, :4]
values, vectors = np.linalg.eigh(np.cov(x, rowvar=False))
print("eigenvalues (ascending):", values.round(6))
print("largest's eigenvector:  ", vectors[:, 3].round(6))
print("eig of a rotation:", np.linalg.eig(np.array([[0.0, -1.0],
                                                    [1.0, 0.0]])).eigenvalues)
# ANCHOR_END: eigen
