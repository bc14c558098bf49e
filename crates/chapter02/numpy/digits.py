# The digits as scikit-learn returns them: X is a strided view of a wider
# table whose last column holds the labels, so its row stride is 520 bytes.
import numpy as np

# ANCHOR: inspect
from sklearn.datasets import load_digits

X = load_digits().data
print(X.shape, X.dtype, X.strides)
print(X.base.shape, X.base.strides)     # the table X is a view of
print(X.flags["C_CONTIGUOUS"], X.flags["OWNDATA"])
print(np.ascontiguousarray(X).strides)  # a contiguous copy of X
# ANCHOR_END: inspect
