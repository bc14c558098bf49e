# The chapter's pitfalls in NumPy: a reshape that silently copies, a
# transpose written through, a reading in the wrong order, and a reshape
# taken for a transpose.
import numpy as np
from sklearn.datasets import load_digits

X = np.ascontiguousarray(load_digits().data)

print("--8<-- non_contiguous")
# ANCHOR: non_contiguous
left = X.reshape(1797, 8, 8)[:, :, :4]
flat = left.reshape(1797, 32)           # no error: a silent copy
print(flat.shape, np.shares_memory(flat, X))
flat[0, 0] = 99.0                       # lost: X is not changed
print(X[0, 0])
# ANCHOR_END: non_contiguous

print("--8<-- transpose_view")
# ANCHOR: transpose_view
weights = np.array([[1.0, 2.0], [3.0, 4.0]])
transposed = weights.T
weights[0, 1] = 20.0                    # allowed, and seen through .T
print(transposed)
# ANCHOR_END: transpose_view

print("--8<-- axis_order")
# ANCHOR: axis_order
right = X[7].reshape(8, 8)
wrong = X[7].reshape(8, 8, order="F")
print(np.array_equal(wrong, right.T))
m = np.arange(1, 7).reshape(2, 3)
print(m.reshape(3, 2))
print(m.T)
# ANCHOR_END: axis_order
