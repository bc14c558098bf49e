# NumPy's products: `@` (np.matmul) and np.dot for vectors and matrices,
# matmul into a preallocated output, np.outer, and np.linalg.norm.
import numpy as np

# ANCHOR: dot
a = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
v = np.array([1.0, -1.0])
w = np.array([2.0, 0.5, 1.0])
print("w·w  =", w @ w)
print("A v  =", a @ v)
print("wᵀ A =", w @ a)
print("Aᵀ A =\n", a.T @ a)
c = np.empty((3, 3))
np.matmul(a, np.array([[1.0, 0.0, 2.0], [0.0, 1.0, 3.0]]), out=c)
print("into c:", c[0], "| outer:", np.outer([1.0, 2.0, 3.0], v).tolist())
print(np.linalg.norm(w), np.linalg.norm(w, 1), np.linalg.norm(a, "fro"))
# ANCHOR_END: dot
